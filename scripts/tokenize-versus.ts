// Bundled by scripts/tokenize-versus.sh, which maps tokenize-equal and tokenize-speed to earlier
// versions of src/core/ner/tokenize.ts.
import { readdirSync, readFileSync, statSync } from 'fs';
import * as path from 'path';
// @ts-ignore resolved by the bundler's alias
import { tokenize as equal } from 'tokenize-equal';
// @ts-ignore resolved by the bundler's alias
import { tokenize as speed } from 'tokenize-speed';
import { tokenize } from '../src/core/ner/tokenize';
import { splitSentences } from '../src/core/sentences';

type Tokenize = (text: string, start?: number, end?: number) => Array<{ start: number; end: number; text: string }>;
const [equalRev, speedRev] = process.argv.slice(2);
const shared = path.resolve(process.cwd(), '..', 'shared');
const E = path.join(shared, 'eval');

/** CoNLL sentences written with spaces, and each document as its sentences one a line. */
function conll(file: string): { sentences: string[]; documents: string[] } {
  const sentences: string[] = [];
  const documents: string[] = [];
  let sentence: string[] = [];
  let doc: string[] = [];
  const endSentence = () => {
    if (sentence.length) doc.push(sentence.join(' ')), sentences.push(sentence.join(' '));
    sentence = [];
  };
  for (const line of readFileSync(path.join(E, 'ner', file), 'utf8').split('\n')) {
    if (line.startsWith('-DOCSTART-')) {
      endSentence();
      if (doc.length) documents.push(doc.join('\n'));
      doc = [];
    } else if (!line.trim()) endSentence();
    else sentence.push(line.split(' ')[0]);
  }
  endSentence();
  if (doc.length) documents.push(doc.join('\n'));
  return { sentences, documents };
}

function files(dir: string, out: string[] = []): string[] {
  for (const f of readdirSync(dir)) {
    const p = path.join(dir, f);
    if (statSync(p).isDirectory()) files(p, out);
    else if (/\.(txt|md|html)$/.test(f)) out.push(readFileSync(p, 'utf8'));
  }
  return out;
}

const texts: string[] = [];
const sets: Record<string, string[]> = {};
for (const f of readdirSync(path.join(E, 'ner'))) {
  const c = conll(f);
  texts.push(...c.sentences, ...c.documents);
  if (f.startsWith('conll2003-eng.')) sets[`CoNLL ${f.slice(14)} sentences`] = c.sentences;
}
texts.push(...files(path.join(E, 'quotes')), ...files(path.join(shared, 'seeds')), ...files(path.join(E, 'boilerplate')));
for (const f of readdirSync(path.join(E, 'events')).filter((f) => f.endsWith('.jsonl'))) {
  for (const line of readFileSync(path.join(E, 'events', f), 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const o = JSON.parse(line);
    for (const k of ['title', 'description', 'text']) if (typeof o[k] === 'string') texts.push(o[k]);
  }
}
sets['PolNeAR dev texts'] = files(path.join(E, 'quotes', 'polnear-dev', 'text'));

let comparisons = 0;
let differences = 0;
const same = (text: string, start?: number, end?: number) => {
  comparisons++;
  const a = JSON.stringify((equal as Tokenize)(text, start, end));
  if (a === JSON.stringify(tokenize(text, start, end))) return;
  if (differences++ < 10) console.log('different tokens:', JSON.stringify(text.slice(start ?? 0, end ?? text.length).slice(0, 200)));
};
for (const text of texts) {
  same(text);
  for (const line of text.split('\n')) same(line);
  for (const s of splitSentences(text)) same(text, s.start, s.end);
}
console.log(`tokens against ${equalRev}: ${comparisons.toLocaleString('en')} texts, lines and sentences of ${texts.length.toLocaleString('en')} texts, ${differences} different`);

const versions: Array<[string, Tokenize]> = [['this', tokenize], [equalRev, equal], [speedRev, speed]];
for (const [name, set] of Object.entries(sets)) {
  const best = new Map<string, number>();
  for (let round = 0; round < 7; round++) {
    for (const [v, f] of versions) {
      const t0 = process.hrtime.bigint();
      let n = 0;
      for (const t of set) n += f(t).length;
      const perSecond = n / (Number(process.hrtime.bigint() - t0) / 1e9);
      if (round > 0) best.set(v, Math.max(best.get(v) ?? 0, perSecond));
    }
  }
  const mine = best.get('this')!;
  console.log(`${name}: ${[...best].map(([v, r]) => `${v} ${(r / 1e6).toFixed(2)} M tokens/s`).join(', ')}; this is ${(mine / best.get(equalRev)!).toFixed(2)}x ${equalRev}, ${(mine / best.get(speedRev)!).toFixed(2)}x ${speedRev}`);
}
process.exit(differences ? 1 : 0);
