// `npm run eval:boilerplate`: prints the boilerplate benchmark's figures (see boilerplate-benchmark.ts).
import { evaluateBoilerplate, type LineScores } from './boilerplate-benchmark';
const s = evaluateBoilerplate();
const line = (name: string, x: LineScores) =>
  `${name} (${x.pages} pages): body-line F1 ${x.body.f1.toFixed(3)} (P ${x.body.precision.toFixed(3)} R ${x.body.recall.toFixed(3)}), boilerplate-line F1 ${x.boilerplateF1.toFixed(3)}`;
console.log(`article-extraction-benchmark: the headline (counted as body) found on ${s.headlines} of ${s.pages} pages`);
console.log(line('article-extraction-benchmark', s));
console.log(line('  half A (tuned on)', s.halves.A));
console.log(line('  half B (held out)', s.halves.B));
console.log(line('same pages, HTML title as first line', s.withTitleLine));
console.log(line('  half A (tuned on)', s.withTitleLine.halves.A));
console.log(line('  half B (held out)', s.withTitleLine.halves.B));
console.log(line('the headline scored as boilerplate (the gold body alone, as before)', s.headlineAsBoilerplate));
console.log(line('  half A (tuned on)', s.headlineAsBoilerplate.halves.A));
console.log(line('  half B (held out)', s.headlineAsBoilerplate.halves.B));
console.log(`trafilatura snippets: ${(100 * s.withoutCaught).toFixed(1)}% of "without" snippets judged boilerplate on their own; ${(100 * s.withKept).toFixed(1)}% of "with" snippets kept`);
const c = s.conll;
console.log(`CoNLL-2003 testa, one sentence a line (${c.documents} documents): ${c.boilerplateLines} of ${c.lines} lines boilerplate, holding ${c.entityTokensDropped} of ${c.entityTokens} entity tokens`);
