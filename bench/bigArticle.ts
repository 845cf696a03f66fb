/**
 * One very long article of real paragraphs, for #16's "linear in article size": the body
 * paragraphs of the evaluation articles in a fixed order (PolNeAR train, then dev, then BASIL
 * and Giveme5W1H), each article's title line left out, repeated from the start when they run
 * out (about 8.5 MB of distinct text), cut at a paragraph boundary at `bytes`.
 *
 *   node dist/bench.js --big-article 10 /tmp/big-10.txt
 */
import { readdirSync, readFileSync } from 'fs';
import * as path from 'path';

const EVAL = path.join(__dirname, '..', '..', 'shared', 'eval');

function folderParagraphs(dir: string): string[] {
  const out: string[] = [];
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.txt')).sort()) {
    const paragraphs = readFileSync(path.join(dir, f), 'utf8').split(/\r?\n\s*\n/).map((p) => p.trim()).filter(Boolean);
    out.push(...paragraphs.slice(1));
  }
  return out;
}

function jsonlParagraphs(file: string): string[] {
  const out: string[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const r = JSON.parse(line) as { paragraphs?: string[]; text?: string };
    const ps = r.paragraphs ?? (r.text ?? '').split(/\n\s*\n/);
    out.push(...ps.map((p) => p.trim()).filter(Boolean));
  }
  return out;
}

/** The evaluation articles' paragraphs, in the fixed order. */
export function realParagraphs(evalDir = EVAL): string[] {
  return [
    ...folderParagraphs(path.join(evalDir, 'quotes', 'polnear-train', 'text')),
    ...folderParagraphs(path.join(evalDir, 'quotes', 'polnear-dev', 'text')),
    ...jsonlParagraphs(path.join(evalDir, 'events', 'basil-articles.jsonl')),
    ...jsonlParagraphs(path.join(evalDir, 'events', 'giveme5w1h-news-cluster.jsonl')),
  ];
}

/** A title line, then paragraphs separated by blank lines, to `bytes` (UTF-8) at most. */
export function bigArticle(bytes: number, paragraphs = realParagraphs()): string {
  const parts = ['A very long article of real paragraphs'];
  let size = Buffer.byteLength(parts[0]);
  for (let k = 0; ; k++) {
    const p = paragraphs[k % paragraphs.length];
    const add = Buffer.byteLength(p) + 2;
    if (size + add > bytes) break;
    parts.push(p);
    size += add;
  }
  return parts.join('\n\n') + '\n';
}
