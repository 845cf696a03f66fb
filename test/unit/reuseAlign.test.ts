// The aligner works in reused typed-array scratch space (seed table, boxes as indices, stamps
// for covered words, a prefix maximum that ends the search for a host early). This checks it
// against the plain definition it replaced — tuples, objects and Sets, every kept box searched
// — on pairs of real articles: the natural wire copies among the evaluation articles, unrelated
// reports of one event, and articles with a passage of another pasted in and edited.
import { readFileSync } from 'fs';
import * as path from 'path';
import { describe, expect, it } from 'vitest';
import { alignPair, DEFAULT_ALIGN, type AlignedPassage, type AlignOptions } from '../../src/core/reuse/align';
import { prepareFromText, type ReuseArticle } from '../../src/core/reuse/corpusReuse';
import { candidatePairs, fingerprints } from '../../src/core/reuse/fingerprints';
import type { ReuseTokens } from '../../src/core/reuse/tokens';
import { charSpan } from '../../src/core/reuse/align';

interface Box { a0: number; a1: number; b0: number; b1: number; coverA: number; coverB: number; seeds: Array<[number, number]> }

function covered(seeds: ReadonlyArray<[number, number]>): { coverA: number; coverB: number } {
  const a = new Set<number>();
  const b = new Set<number>();
  for (const [i, j] of seeds) {
    a.add(i).add(i + 1);
    b.add(j).add(j + 1);
  }
  return { coverA: a.size, coverB: b.size };
}
const key = (t: ReuseTokens, i: number) => (Math.imul(t.words[i], 0x01000193) ^ t.words[i + 1]) | 0;
function seedsOf(a: ReuseTokens, b: ReuseTokens, maxRepeats: number): Array<[number, number]> {
  const index = new Map<number, number[]>();
  for (let j = 0; j + 1 < b.words.length; j++) {
    if (b.stop[j] && b.stop[j + 1]) continue;
    index.set(key(b, j), [...(index.get(key(b, j)) ?? []), j]);
  }
  const seeds: Array<[number, number]> = [];
  const seen = new Map<number, number>();
  for (let i = 0; i + 1 < a.words.length; i++) {
    if (a.stop[i] && a.stop[i + 1]) continue;
    const list = index.get(key(a, i));
    if (!list || list.length > maxRepeats) continue;
    seen.set(key(a, i), (seen.get(key(a, i)) ?? 0) + 1);
    if (seen.get(key(a, i))! > maxRepeats) continue;
    for (const j of list) seeds.push([i, j]);
  }
  return seeds;
}
const gapBetween = (x0: number, x1: number, y0: number, y1: number) => (y0 > x1 ? y0 - x1 : x0 > y1 ? x0 - y1 : 0);
function group(boxes: Box[], gap: number, density: number): Box[] {
  let current = boxes.slice().sort((p, q) => p.a0 - q.a0 || p.b0 - q.b0);
  for (;;) {
    const out: Box[] = [];
    let merged = false;
    for (const box of current) {
      const host = [...out].reverse().find((o) => {
        if (gapBetween(o.a0, o.a1, box.a0, box.a1) > gap || gapBetween(o.b0, o.b1, box.b0, box.b1) > gap) return false;
        const lenA = Math.max(o.a1, box.a1) - Math.min(o.a0, box.a0);
        const lenB = Math.max(o.b1, box.b1) - Math.min(o.b0, box.b0);
        return !(Math.min(o.coverA + box.coverA, lenA) < density * lenA || Math.min(o.coverB + box.coverB, lenB) < density * lenB);
      });
      if (host) {
        host.a0 = Math.min(host.a0, box.a0);
        host.a1 = Math.max(host.a1, box.a1);
        host.b0 = Math.min(host.b0, box.b0);
        host.b1 = Math.max(host.b1, box.b1);
        host.seeds.push(...box.seeds);
        Object.assign(host, covered(host.seeds));
        merged = true;
      } else out.push({ ...box, seeds: box.seeds.slice() });
    }
    if (!merged) return out;
    current = out.sort((p, q) => p.a0 - q.a0 || p.b0 - q.b0);
  }
}
function dice(a: ReuseTokens, a0: number, a1: number, b: ReuseTokens, b0: number, b1: number): number {
  const counts = new Map<number, number>();
  for (let i = a0; i < a1; i++) counts.set(a.words[i], (counts.get(a.words[i]) ?? 0) + 1);
  let common = 0;
  for (let j = b0; j < b1; j++) if (counts.get(b.words[j])) (common++, counts.set(b.words[j], counts.get(b.words[j])! - 1));
  return a1 - a0 + b1 - b0 ? (2 * common) / (a1 - a0 + b1 - b0) : 0;
}
/** The plain definition of the aligner. */
function referenceAlign(textA: string, a: ReuseTokens, textB: string, b: ReuseTokens, o: AlignOptions): AlignedPassage[] {
  const seeds = seedsOf(a, b, o.maxRepeats);
  if (seeds.length < o.fragmentSeeds) return [];
  const fragments = group(seeds.map(([i, j]) => ({ a0: i, a1: i + 2, b0: j, b1: j + 2, coverA: 2, coverB: 2, seeds: [[i, j] as [number, number]] })), o.fragmentGap, 0).filter((f) => f.seeds.length >= o.fragmentSeeds);
  const out: AlignedPassage[] = [];
  for (const p of group(fragments, o.passageGap, o.minDensity)) {
    const words = Math.min(p.a1 - p.a0, p.b1 - p.b0);
    if (words < o.minWords) continue;
    const shared = new Set<number>();
    const own = new Set<number>();
    for (const [i, j] of p.seeds) for (let k = 0; k < 2; k++) {
      shared.add(i + k);
      if (!(a.inQuote[i + k] && b.inQuote[j + k])) own.add(i + k);
    }
    if (own.size < o.ownWords || own.size < o.ownShare * shared.size) continue;
    const verbatim = p.a1 - p.a0 === p.b1 - p.b0 && Array.from({ length: p.a1 - p.a0 }, (_, k) => k).every((k) => a.words[p.a0 + k] === b.words[p.b0 + k]);
    const similarity = verbatim ? 1 : dice(a, p.a0, p.a1, b, p.b0, p.b1);
    if (similarity < o.minSimilarity) continue;
    out.push({
      a: { start: p.a0, end: p.a1 }, b: { start: p.b0, end: p.b1 },
      aChars: charSpan(textA, a, p.a0, p.a1), bChars: charSpan(textB, b, p.b0, p.b1),
      words, similarity: Math.round(similarity * 1000) / 1000,
      kind: verbatim ? 'verbatim' : similarity >= o.editedAt ? 'edited' : 'rewritten',
    });
  }
  return out.sort((x, y) => x.a.start - y.a.start || x.b.start - y.b.start);
}

function evaluationArticles(): ReuseArticle[] {
  const lines = readFileSync(path.join(__dirname, '..', '..', '..', 'shared', 'eval', 'events', 'giveme5w1h-news-cluster.jsonl'), 'utf8').trim().split('\n');
  const texts = lines.map((l) => JSON.parse(l)).map((r) => `${r.title}\n\n${r.text}`);
  // Pastes: half of the next article's paragraphs inside this one, every seventh word of it changed.
  const pasted = texts.slice(0, 60).map((t, k) => {
    const paras = t.split('\n');
    const other = texts[k + 1].split('\n').slice(1, 6).join('\n').replace(/\S+/g, (w, at: number) => (at % 7 === 0 ? 'altered' : w));
    return [...paras.slice(0, 3), other, ...paras.slice(3)].join('\n');
  });
  return [...texts, ...pasted].map((t, i) => prepareFromText(`e${i}`, t));
}

describe('the aligner against its plain definition', () => {
  const articles = evaluationArticles();
  const pairs = candidatePairs(articles.map((a) => fingerprints(a.tokens)));
  // Unrelated pairs too, and pairs of one article with itself reordered (the paste's source).
  for (let i = 0; i + 1 < 120; i++) pairs.push([i, i + 1]);
  const variants: AlignOptions[] = [
    DEFAULT_ALIGN,
    { ...DEFAULT_ALIGN, minWords: 10, fragmentSeeds: 2, passageGap: 30, minDensity: 0.2, ownWords: 5, ownShare: 0.1, maxRepeats: 2, minSimilarity: 0.3 },
    { ...DEFAULT_ALIGN, fragmentGap: 8, fragmentSeeds: 1, passageGap: 100, minDensity: 0, ownWords: 0, ownShare: 0, maxRepeats: 10, minSimilarity: 0 },
  ];

  it('gives the same passages on every candidate pair of the evaluation articles, under three settings', () => {
    expect(pairs.length).toBeGreaterThan(150);
    let passages = 0;
    for (const options of variants) {
      for (const [i, j] of pairs) {
        const x = articles[i];
        const y = articles[j];
        const found = alignPair(x.text, x.tokens, y.text, y.tokens, options);
        expect(found).toEqual(referenceAlign(x.text, x.tokens, y.text, y.tokens, options));
        passages += found.length;
      }
    }
    expect(passages).toBeGreaterThan(100);
  });
});
