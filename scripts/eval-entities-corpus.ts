// `npm run eval:entities-corpus`: entities as one corpus of .txt files through `corpus-lens entities`
// (see entity-corpus-eval.ts). Figures on stdout; CONLL_FILE picks another CoNLL set (default testa),
// CONLL_FOLD=k only fold k of 5 of it, NER_MODEL the model file (default the built-in one), e.g. the
// held-out split: CONLL_FILE=conll2003-eng.train CONLL_FOLD=0 NER_MODEL=.cache/train/ner-fold-0.json.gz
// (after `NER_FOLD=0 npm run train:ner`); GIVEME=0 skips the Giveme5W1H corpus.
import { loadRecognizer } from '../src/node/models';
import { evaluateConllCorpus, evaluateGiveme } from './entity-corpus-eval';

async function main(): Promise<void> {
  if (process.env.GIVEME !== '0') await giveme();
  const file = process.env.CONLL_FILE ?? 'conll2003-eng.testa';
  const fold = process.env.CONLL_FOLD === undefined ? undefined : Number(process.env.CONLL_FOLD);
  const modelFile = process.env.NER_MODEL;
  const c = await evaluateConllCorpus(loadRecognizer(modelFile), file, { fold, modelFile });
  const line = (s: typeof c.corpus) => `F1 ${s.overall.f1.toFixed(4)} (P ${s.overall.precision.toFixed(4)} R ${s.overall.recall.toFixed(4)})  ` + Object.entries(s.byType).map(([t, x]) => `${t} ${x.f1.toFixed(3)}`).join('  ');
  const name = fold === undefined ? file : `${file} fold ${fold}/5`;
  console.log(`${name} (${c.documents} documents): per document (ner --conll) ${line(c.perDocument)}`);
  console.log(`${name} as one corpus (entities): ${line(c.corpus)}`);
  console.log(`  corpus false positives: ${c.falsePositives.map(([t, n]) => `${JSON.stringify(t)} ${n}`).join(', ')}`);
}

async function giveme(): Promise<void> {
  const g = await evaluateGiveme();
  const pct = (n: number) => `${((100 * n) / g.nonDateMentions).toFixed(2)} %`;
  console.log(`Giveme5W1H (${g.articles} articles as one corpus): ${g.nonDateMentions} non-date mentions; junk ${g.junk} (${pct(g.junk)}): ` + Object.entries(g.junkByKind).map(([k, n]) => `${k} ${n}`).join(', '));
  console.log(`  junk forms: ${g.junkExamples.map(([t, n]) => `${JSON.stringify(t)} ${n}`).join(', ')}`);
  console.log(`  person mentions tied to a multi-word canonical name absent from their gold event: ${g.unrelatedPersonMerges}`);
  console.log(`  of them: ${g.mergeExamples.map(([m, c, n]) => `${JSON.stringify(m)} → ${JSON.stringify(c)} ${n}`).join(', ')}`);
  console.log(`  most frequent forms: ${g.topForms.map(([t, n]) => `${JSON.stringify(t)} ${n}`).join(', ')}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
