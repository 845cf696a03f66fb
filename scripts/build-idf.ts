// `npm run build:idf`: document frequencies of event-clustering terms over training text
// only (CoNLL-2003 train documents and PolNeAR train articles), written to models/idf.json.gz.
// Small corpora lean on these so that IDF still means something with five articles.
import { readFileSync, readdirSync, writeFileSync } from 'fs';
import * as path from 'path';
import { gzipSync } from 'zlib';
import { termCounts } from '../src/core/events/terms';
import { readConllItems, toDocuments } from '../src/core/ner/conll';

const root = path.resolve(__dirname, '..');
const evalDir = path.join(root, '..', 'shared', 'eval');
const texts: string[] = [];
for (const d of toDocuments(readConllItems(readFileSync(path.join(evalDir, 'ner', 'conll2003-eng.train'), 'utf8')))) {
  texts.push(d.sentences.map((s) => s.tokens.map((t) => t.word).join(' ')).join('\n'));
}
const polnear = path.join(evalDir, 'quotes', 'polnear-train', 'text');
for (const f of readdirSync(polnear).sort()) texts.push(readFileSync(path.join(polnear, f), 'utf8'));
const df = new Map<string, number>();
for (const t of texts) for (const term of termCounts('', t).keys()) df.set(term, (df.get(term) ?? 0) + 1);
const kept = [...df].filter(([, n]) => n >= 2).sort((a, b) => (a[0] < b[0] ? -1 : 1));
const out = path.join(root, 'models', 'idf.json.gz');
writeFileSync(out, gzipSync(JSON.stringify({ format: 'corpus-lens/idf@1', documents: texts.length, df: Object.fromEntries(kept) }), { level: 9 }));
console.error(`${texts.length} documents, ${kept.length} terms → ${path.relative(root, out)}`);
