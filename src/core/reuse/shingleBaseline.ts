/**
 * The plain baseline text reuse is measured against: 5-word shingles two texts have in
 * common, found through an index of every shingle, touching matches merged into runs,
 * runs of at least `minWords` words kept. No folding, no boilerplate, no quotes rule.
 */
import { hashString } from '../ner/hashing';

export interface ShingleText {
  readonly id: string;
  readonly text: string;
  readonly date: string | null;
}

export interface BaselinePair {
  readonly a: { file: string; start: number; end: number };
  readonly b: { file: string; start: number; end: number };
  readonly words: number;
  readonly earlier: 'a' | 'b' | null;
}

const WORD = /[\p{L}\p{N}]+/gu;

interface Words {
  readonly hashes: number[];
  readonly starts: number[];
  readonly ends: number[];
}

function words(text: string): Words {
  const hashes: number[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  for (const m of text.matchAll(WORD)) {
    hashes.push(hashString(m[0].toLowerCase()));
    starts.push(m.index!);
    ends.push(m.index! + m[0].length);
  }
  return { hashes, starts, ends };
}

function shingles(w: Words, n: number): number[] {
  const out: number[] = [];
  for (let i = 0; i + n <= w.hashes.length; i++) {
    let h = 0x9747b28c;
    for (let k = 0; k < n; k++) h = Math.imul(h ^ w.hashes[i + k], 0x5bd1e995) ^ (h >>> 13);
    out.push(h | 0);
  }
  return out;
}

export function shingleBaseline(texts: readonly ShingleText[], minWords = 40, n = 5, maxArticles = 200): BaselinePair[] {
  const tokenised = texts.map((t) => words(t.text));
  const grams = tokenised.map((w) => shingles(w, n));
  const postings = new Map<number, number[]>();
  grams.forEach((gs, doc) => {
    for (const g of new Set(gs)) {
      const p = postings.get(g);
      if (p) p.push(doc);
      else postings.set(g, [doc]);
    }
  });
  const pairs = new Set<number>();
  const N = texts.length;
  for (const docs of postings.values()) {
    if (docs.length < 2 || docs.length > maxArticles) continue;
    for (let x = 0; x < docs.length; x++) for (let y = x + 1; y < docs.length; y++) pairs.add(docs[x] * N + docs[y]);
  }
  const out: BaselinePair[] = [];
  for (const key of [...pairs].sort((p, q) => p - q)) {
    const i = Math.floor(key / N);
    const j = key % N;
    const inB = new Map<number, number[]>();
    grams[j].forEach((g, pos) => {
      const l = inB.get(g);
      if (l) l.push(pos);
      else inB.set(g, [pos]);
    });
    // Runs along a diagonal: shingle (p, q) continues the run ending at (p - 1, q - 1).
    const runEnd = new Map<number, { p0: number; q0: number; p1: number; q1: number }>();
    const runs: Array<{ p0: number; q0: number; p1: number; q1: number }> = [];
    grams[i].forEach((g, p) => {
      for (const q of inB.get(g) ?? []) {
        const prev = runEnd.get((p - 1) * 1e6 + (q - 1));
        if (prev) {
          runEnd.delete((p - 1) * 1e6 + (q - 1));
          prev.p1 = p;
          prev.q1 = q;
          runEnd.set(p * 1e6 + q, prev);
        } else {
          const run = { p0: p, q0: q, p1: p, q1: q };
          runs.push(run);
          runEnd.set(p * 1e6 + q, run);
        }
      }
    });
    const a = texts[i];
    const b = texts[j];
    const earlier = !a.date || !b.date || a.date === b.date ? null : a.date < b.date ? 'a' : 'b';
    for (const r of runs) {
      const len = r.p1 - r.p0 + n;
      if (len < minWords) continue;
      out.push({
        a: { file: a.id, start: tokenised[i].starts[r.p0], end: tokenised[i].ends[r.p1 + n - 1] },
        b: { file: b.id, start: tokenised[j].starts[r.q0], end: tokenised[j].ends[r.q1 + n - 1] },
        words: len,
        earlier,
      });
    }
  }
  return out;
}
