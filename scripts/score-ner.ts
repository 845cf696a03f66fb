// Scores a trained model file (default models/ner.json.gz, or $NER_MODEL) per document on
// CoNLL testa, the SEC filings test and, with NER_FOLD=k, fold k of 5 of CoNLL train (the
// part a fold model from `NER_FOLD=k npm run train:ner` did not train on).
// `npm run score:ner`; NER_VOTE=count counts mentions in the document vote instead of weighing them.
import { readFileSync } from 'fs';
import * as path from 'path';
import { gunzipSync } from 'zlib';
import { isAllCapsSentence, tableColumns } from '../src/core/ner/features';
import { chunks, readConllItems, scoreChunks, toDocuments, type ConllDocument } from '../src/core/ner/conll';
import { Recognizer, type SerializedRecognizer } from '../src/core/ner/recognizer';

const root = path.resolve(__dirname, '..');
const evalDir = process.env.NER_EVAL_DIR ?? path.join(root, '..', 'shared', 'eval', 'ner');
const file = process.env.NER_MODEL ?? path.join(root, 'models', 'ner.json.gz');
const read = (f: string) => toDocuments(readConllItems(readFileSync(path.join(evalDir, f), 'utf8')));
const started = Date.now();
const recognizer = Recognizer.deserialize(JSON.parse(gunzipSync(readFileSync(file)).toString('utf8')) as SerializedRecognizer);
console.error(`loaded ${path.relative(root, file)} in ${Date.now() - started} ms`);
if (process.env.NER_VOTE === 'count') recognizer.weightedVote = false;

function score(docs: readonly ConllDocument[]): string {
  const gold: string[][] = [];
  const predicted: string[][] = [];
  const sentencesFlat: string[][] = [];
  for (const d of docs) {
    const tags = recognizer.tagDocument(d.sentences.map((s) => s.tokens.map((t) => t.word)));
    d.sentences.forEach((s, i) => {
      sentencesFlat.push(s.tokens.map((t) => t.word));
      gold.push(s.tokens.map((t) => t.gold));
      predicted.push(tags[i]);
    });
  }
  if (process.env.NER_SHOW) {
    sentencesFlat.forEach((w, k) => {
      if (w.includes(process.env.NER_SHOW!)) console.log(w.map((x, i) => `${x}/${gold[k][i]}/${predicted[k][i]}`).join(' '));
    });
  }
  if (process.env.NER_ERRORS) {
    const errs = new Map<string, number>();
    const ex = new Map<string, string[]>();
    gold.forEach((g, k) => {
      const key = (t: string[]) => new Set(chunks(t).map((c) => `${c.start}:${c.end}:${c.type}`));
      const G = key(g);
      const P = key(predicted[k]);
      const words = sentencesFlat[k];
      for (const c of chunks(g)) if (!P.has(`${c.start}:${c.end}:${c.type}`)) {
        const p = chunks(predicted[k]).find((x) => x.start < c.end && c.start < x.end);
        const kind = `${c.type}→${p ? (p.start === c.start && p.end === c.end ? p.type : 'span:' + p.type) : 'O'}${isAllCapsSentence(words) ? ' caps' : ''}${tableColumns(words) ? ' table' : ''}`;
        errs.set(kind, (errs.get(kind) ?? 0) + 1);
        const l = ex.get(kind) ?? [];
        if (l.length < 8) l.push(words.slice(c.start, c.end).join(' '));
        ex.set(kind, l);
      }
      for (const c of chunks(predicted[k])) if (!G.has(`${c.start}:${c.end}:${c.type}`) && !chunks(g).some((x) => x.start < c.end && c.start < x.end)) {
        const kind = `O→${c.type}${isAllCapsSentence(words) ? ' caps' : ''}${tableColumns(words) ? ' table' : ''}`;
        errs.set(kind, (errs.get(kind) ?? 0) + 1);
        const l = ex.get(kind) ?? [];
        if (l.length < 8) l.push(words.slice(c.start, c.end).join(' '));
        ex.set(kind, l);
      }
    });
    for (const [k, n] of [...errs].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(`${n}\t${k}\t${ex.get(k)!.join(' | ')}`);
  }
  const s = scoreChunks(gold, predicted);
  return `F1 ${s.overall.f1.toFixed(4)} (P ${s.overall.precision.toFixed(4)} R ${s.overall.recall.toFixed(4)})  ` + Object.entries(s.byType).map(([t, x]) => `${t} ${x.f1.toFixed(3)}`).join('  ');
}

if (process.env.NER_FOLD !== undefined) {
  const k = Number(process.env.NER_FOLD);
  console.log(`train fold ${k}/5: ${score(read('conll2003-eng.train').filter((_, i) => i % 5 === k))}`);
}
console.log(`testa: ${score(read('conll2003-eng.testa'))}`);
console.log(`SEC fin3 test: ${score(read('sec-filings-fin3.test'))}`);
