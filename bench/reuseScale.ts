// Text reuse at scale, for `npm run bench`: the evaluation articles copied into separate
// vocabularies (copy k spells every word and number but the stop words with a suffix of its
// own), so n articles keep the evaluation set's lengths, furniture and natural wire copy within
// each copy, without one copy repeating another. Each size is whole copies of the same first
// BASE articles (1,000 = 2 copies, 10,000 = 20, 100,000 = 200), so every size has the same mix
// of wire-heavy and original stories and a linear method takes ten times as long for ten times
// the articles. (Before: numbers were left unchanged, so the k copies of one article all shared
// their numbers and became k² candidate pairs; and 1,000 articles were one and a half copies of
// the 683, a different mix from 10,000. Together they made 10,000 cost 12.5× 1,000.)
// The reuse run and the plain shingle matcher see the same texts.
import { readFileSync } from 'fs';
import * as path from 'path';
import { findReuse, prepareFromText } from '../src/core/reuse/corpusReuse';
import { shingleBaseline } from '../src/core/reuse/shingleBaseline';
import { STOPWORDS } from '../src/core/reuse/tokens';

/** Articles per copy: 1,000, 10,000 and 100,000 are whole numbers of copies. */
export const BASE = 500;

/** The scale corpus of n articles (see above). */
export function scaleCorpus(shared: string, n: number): string[] {
  const base: string[] = [];
  for (const line of readFileSync(path.join(shared, 'eval', 'events', 'giveme5w1h-news-cluster.jsonl'), 'utf8').split('\n')) if (line.trim()) base.push(`${JSON.parse(line).title}\n\n${JSON.parse(line).text}`);
  for (const line of readFileSync(path.join(shared, 'eval', 'events', 'basil-articles.jsonl'), 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const r = JSON.parse(line);
    base.push(`${r.title}\n\n${(r.paragraphs as string[]).join('\n\n')}`);
  }
  base.length = Math.min(base.length, BASE);
  const out: string[] = [];
  for (let k = 0; out.length < n; k++) {
    const suffix = k ? `q${k.toString(36)}` : '';
    for (const t of base) {
      if (out.length >= n) break;
      out.push(k ? t.replace(/[\p{L}\p{N}]+/gu, (w) => (STOPWORDS.has(w.toLowerCase()) ? w : w + suffix)) : t);
    }
  }
  return out;
}

/**
 * One size: the article model first, then text reuse over the corpus, then the plain matcher
 * (left out above `baselineUpTo` articles: its shingles of stop words make it quadratic).
 */
export function reuseScale(shared: string, n: number, baselineUpTo = 20_000): { prepareSeconds: number; reuseSeconds: number; reuseCpuSeconds: number; baselineSeconds: number | null; pairs: number; peakMb: number } {
  const corpus = scaleCorpus(shared, n);
  const t0 = performance.now();
  // Reuse needs each article's words, text and date; the article model is dropped once read.
  const prepared = corpus.map((t, i) => {
    const { id, text, tokens, date } = prepareFromText(`a${i}`, t);
    return { id, text, tokens, date, article: null as never };
  });
  corpus.length = 0;
  const t1 = performance.now();
  const cpu = process.cpuUsage();
  const pairs = findReuse(prepared).length;
  const t2 = performance.now();
  // CPU time too: on a shared machine it varies less than the wall clock.
  const used = process.cpuUsage(cpu);
  const reuseCpuSeconds = +((used.user + used.system) / 1e6).toFixed(2);
  // The peak of the article model and the reuse run, before the plain matcher adds its own.
  const peakMb = Math.round(process.resourceUsage().maxRSS / 1024);
  if (n <= baselineUpTo) shingleBaseline(prepared.map((p) => ({ id: p.id, text: p.text, date: p.date })));
  const t3 = performance.now();
  return {
    prepareSeconds: +((t1 - t0) / 1000).toFixed(2),
    reuseSeconds: +((t2 - t1) / 1000).toFixed(2),
    reuseCpuSeconds,
    baselineSeconds: n <= baselineUpTo ? +((t3 - t2) / 1000).toFixed(2) : null,
    pairs,
    peakMb,
  };
}
