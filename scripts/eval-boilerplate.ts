// `npm run eval:boilerplate`: prints the boilerplate benchmark's figures (see boilerplate-benchmark.ts).
import { evaluateBoilerplate } from './boilerplate-benchmark';
const s = evaluateBoilerplate();
console.log(`article-extraction-benchmark (${s.pages} pages): body-line F1 ${s.body.f1.toFixed(3)} (P ${s.body.precision.toFixed(3)} R ${s.body.recall.toFixed(3)}), boilerplate-line F1 ${s.boilerplateF1.toFixed(3)}`);
console.log(`trafilatura snippets: ${(100 * s.withoutCaught).toFixed(1)}% of "without" snippets judged boilerplate on their own; ${(100 * s.withKept).toFixed(1)}% of "with" snippets kept`);
