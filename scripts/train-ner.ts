// `npm run train:ner`: trains the entity recogniser on CoNLL-2003 train and writes
// models/ner.json.gz (or $NER_OUT), then scores it on testa and the SEC filings test.
// Deterministic: same data, same lexicon, same model.
//
// The lexicon (word classes, name lists) is built on first use by build-ner-lexicon.ts into
// .cache/train (installing its npm packages there; NER_LEXICON=none trains without it).
// NER_FOLD=k (0–4) trains on the other four fifths of train and also scores fold k, a split
// nothing was tuned on; the model then goes to .cache/train/ner-fold-k.json.gz unless NER_OUT.
import { mkdirSync, readFileSync, writeFileSync } from 'fs';
import * as path from 'path';
import { gzipSync } from 'zlib';
import { readConllItems, scoreChunks, toDocuments, type ConllDocument } from '../src/core/ner/conll';
import { Recognizer } from '../src/core/ner/recognizer';
import { trainRecognizer } from '../src/core/ner/train';
import { buildLexicon } from './build-ner-lexicon';

const root = path.resolve(__dirname, '..');
const evalDir = process.env.NER_EVAL_DIR ?? path.join(root, '..', 'shared', 'eval', 'ner');
const trainFile = process.env.NER_TRAIN ?? path.join(evalDir, 'conll2003-eng.train');
const devFile = path.join(evalDir, 'conll2003-eng.testa');
const secFile = path.join(evalDir, 'sec-filings-fin3.test');
const epochs = Number(process.env.NER_EPOCHS ?? 10);
const minCount = Number(process.env.NER_MIN_COUNT ?? 1);
const shuffles = Number(process.env.NER_SHUFFLES ?? 1);
const seed = Number(process.env.NER_SEED ?? 2003);
const stackFolds = Number(process.env.NER_STACK_FOLDS ?? 2);
const fold = process.env.NER_FOLD === undefined ? null : Number(process.env.NER_FOLD);
const cache = path.join(root, '.cache', 'train');

const read = (file: string) => toDocuments(readConllItems(readFileSync(file, 'utf8')));

function score(recognizer: Recognizer, docs: readonly ConllDocument[]): string {
  const gold: string[][] = [];
  const predicted: string[][] = [];
  for (const d of docs) {
    const tags = recognizer.tagDocument(d.sentences.map((s) => s.tokens.map((t) => t.word)));
    d.sentences.forEach((s, i) => {
      gold.push(s.tokens.map((t) => t.gold));
      predicted.push(tags[i]);
    });
  }
  const s = scoreChunks(gold, predicted);
  return `F1 ${s.overall.f1.toFixed(4)} (P ${s.overall.precision.toFixed(4)} R ${s.overall.recall.toFixed(4)})  ` + Object.entries(s.byType).map(([t, x]) => `${t} ${x.f1.toFixed(3)}`).join('  ');
}

const started = Date.now();
const all = read(trainFile);
const docs = fold === null ? all : all.filter((_, i) => i % 5 !== fold);
const heldOut = fold === null ? [] : all.filter((_, i) => i % 5 === fold);
const lexicon = process.env.NER_LEXICON === 'none' ? null : buildLexicon(cache, process.env.NER_LEXICON);
const serialized = trainRecognizer(docs, {
  epochs,
  minCount,
  seed,
  shuffles,
  stackFolds,
  lexicon,
  description: fold === null ? 'CoNLL-2003 eng.train' : `CoNLL-2003 eng.train without fold ${fold} of 5`,
  log: (m) => console.error(m),
});
const bytes = gzipSync(JSON.stringify(serialized), { level: 9 });
const out = process.env.NER_OUT ?? (fold === null ? path.join(root, 'models', 'ner.json.gz') : path.join(cache, `ner-fold-${fold}.json.gz`));
mkdirSync(path.dirname(out), { recursive: true });
writeFileSync(out, bytes);
console.error(`trained in ${((Date.now() - started) / 1000).toFixed(1)} s; ${(bytes.length / 1048576).toFixed(2)} MB → ${path.relative(root, out)}`);

const reloaded = Recognizer.deserialize(serialized);
if (fold !== null) console.error(`train fold ${fold}/5 (held out): ${score(reloaded, heldOut)}`);
console.error(`testa: ${score(reloaded, read(devFile))}`);
console.error(`SEC fin3 test: ${score(reloaded, read(secFile))}`);
