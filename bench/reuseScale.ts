// Text reuse at scale, for `npm run bench`: the evaluation articles copied into separate
// vocabularies (copy k spells every word but the stop words with a suffix of its own), so n articles keep the
// evaluation set's lengths, furniture and natural wire copy within each copy, without one
// copy repeating another. The reuse run and the plain shingle matcher see the same texts.
import { readFileSync } from 'fs';
import * as path from 'path';
import { findReuse, prepareFromText } from '../src/core/reuse/corpusReuse';
import { shingleBaseline } from '../src/core/reuse/shingleBaseline';
import { STOPWORDS } from '../src/core/reuse/tokens';

function texts(shared: string, n: number): string[] {
  const base: string[] = [];
  for (const line of readFileSync(path.join(shared, 'eval', 'events', 'giveme5w1h-news-cluster.jsonl'), 'utf8').split('\n')) if (line.trim()) base.push(`${JSON.parse(line).title}\n\n${JSON.parse(line).text}`);
  for (const line of readFileSync(path.join(shared, 'eval', 'events', 'basil-articles.jsonl'), 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const r = JSON.parse(line);
    base.push(`${r.title}\n\n${(r.paragraphs as string[]).join('\n\n')}`);
  }
  const out: string[] = [];
  for (let k = 0; out.length < n; k++) {
    const suffix = k ? `q${k.toString(36)}` : '';
    for (const t of base) {
      if (out.length >= n) break;
      out.push(k ? t.replace(/\p{L}+/gu, (w) => (STOPWORDS.has(w.toLowerCase()) ? w : w + suffix)) : t);
    }
  }
  return out;
}

export function reuseScale(shared: string, n: number): { prepareSeconds: number; reuseSeconds: number; baselineSeconds: number; pairs: number; peakMb: number } {
  const corpus = texts(shared, n);
  const t0 = performance.now();
  const prepared = corpus.map((t, i) => prepareFromText(`a${i}`, t));
  const t1 = performance.now();
  const pairs = findReuse(prepared).length;
  const t2 = performance.now();
  shingleBaseline(prepared.map((p) => ({ id: p.id, text: p.text, date: p.date })));
  const t3 = performance.now();
  return {
    prepareSeconds: +((t1 - t0) / 1000).toFixed(2),
    reuseSeconds: +((t2 - t1) / 1000).toFixed(2),
    baselineSeconds: +((t3 - t2) / 1000).toFixed(2),
    pairs,
    peakMb: Math.round(process.resourceUsage().maxRSS / 1024),
  };
}
