// `npm run train:ner`: trains the entity recogniser on CoNLL-2003 train and writes
// models/ner.json.gz (or $NER_OUT), then scores it on testa. Deterministic: same data, same model.
import { mkdirSync, readFileSync, writeFileSync } from 'fs';
import * as path from 'path';
import { gzipSync } from 'zlib';
import { readConllItems, scoreChunks, toDocuments } from '../src/core/ner/conll';
import { Recognizer, type SerializedRecognizer } from '../src/core/ner/recognizer';
import { Tagger } from '../src/core/ner/tagger';
import { commonLowercaseWords, trainStacked } from '../src/core/ner/train';

const root = path.resolve(__dirname, '..');
const trainFile = process.env.NER_TRAIN ?? path.join(root, '..', 'shared', 'eval', 'ner', 'conll2003-eng.train');
const devFile = path.join(root, '..', 'shared', 'eval', 'ner', 'conll2003-eng.testa');
const epochs = Number(process.env.NER_EPOCHS ?? 10);
const minCount = Number(process.env.NER_MIN_COUNT ?? 1);

const started = Date.now();
const docs = toDocuments(readConllItems(readFileSync(trainFile, 'utf8')));
const { first, second } = trainStacked(docs, { epochs, minCount, seed: 2003, log: (m) => console.error(m) });
const serialized: SerializedRecognizer = {
  format: 'corpus-lens/ner-stacked@2',
  trainedOn: `CoNLL-2003 eng.train; ${epochs} epochs; min count ${minCount}`,
  first: Tagger.serialize(first.rows, first.weights, first.gazetteer),
  second: Tagger.serialize(second.rows, second.weights, second.gazetteer),
  lowercase: commonLowercaseWords(docs),
};
const bytes = gzipSync(JSON.stringify(serialized), { level: 9 });
const out = process.env.NER_OUT ?? path.join(root, 'models', 'ner.json.gz');
mkdirSync(path.dirname(out), { recursive: true });
writeFileSync(out, bytes);
console.error(`trained in ${((Date.now() - started) / 1000).toFixed(1)} s; ${(bytes.length / 1048576).toFixed(2)} MB → ${path.relative(root, out)}`);

const reloaded = Recognizer.deserialize(serialized);
const gold: string[][] = [];
const predicted: string[][] = [];
for (const d of toDocuments(readConllItems(readFileSync(devFile, 'utf8')))) {
  const tags = reloaded.tagDocument(d.sentences.map((s) => s.tokens.map((t) => t.word)));
  d.sentences.forEach((s, i) => {
    gold.push(s.tokens.map((t) => t.gold));
    predicted.push(tags[i]);
  });
}
const score = scoreChunks(gold, predicted);
console.error(`testa: F1 ${score.overall.f1.toFixed(4)}  ` + Object.entries(score.byType).map(([t, s]) => `${t} ${s.f1.toFixed(3)}`).join('  '));
