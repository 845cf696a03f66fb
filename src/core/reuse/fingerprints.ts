/**
 * Winnowing (Schleimer, Wilkerson & Aiken 2003) over hashed word n-grams: in every
 * window of `window` consecutive n-gram hashes the smallest is kept, so two texts that
 * share a run of `n + window - 1` words share at least one fingerprint, at a fraction of
 * the index size of all n-grams. The fingerprint index then proposes candidate pairs:
 * articles that share enough fingerprints, never all pairs.
 */
import type { ReuseTokens } from './tokens';

export interface FingerprintOptions {
  /** Words per n-gram. */
  readonly n: number;
  readonly window: number;
}

export const DEFAULT_FINGERPRINTS: FingerprintOptions = { n: 4, window: 4 };

function mix(h: number, x: number): number {
  h ^= x;
  h = Math.imul(h, 0x5bd1e995);
  return h ^ (h >>> 15);
}

/** Hash of each word n-gram; n-grams made of stop words only are left out (-1 never occurs as a kept value). */
export function ngramHashes(tokens: ReuseTokens, n: number): { hashes: Int32Array; keep: Uint8Array } {
  const count = Math.max(0, tokens.words.length - n + 1);
  const hashes = new Int32Array(count);
  const keep = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    let h = 0x9747b28c;
    let content = false;
    for (let k = 0; k < n; k++) {
      h = mix(h, tokens.words[i + k]);
      if (!tokens.stop[i + k]) content = true;
    }
    hashes[i] = h;
    keep[i] = content ? 1 : 0;
  }
  return { hashes, keep };
}

/** The distinct winnowed fingerprints of one article, sorted. */
export function fingerprints(tokens: ReuseTokens, options: FingerprintOptions = DEFAULT_FINGERPRINTS): number[] {
  const { hashes, keep } = ngramHashes(tokens, options.n);
  const kept: number[] = [];
  for (let i = 0; i < hashes.length; i++) if (keep[i]) kept.push(hashes[i]);
  const out = new Set<number>();
  const w = options.window;
  if (kept.length <= w) kept.forEach((h) => out.add(h));
  else {
    // Robust winnowing: the rightmost minimum of each window, recorded when it changes.
    let minAt = -1;
    for (let end = w - 1; end < kept.length; end++) {
      const start = end - w + 1;
      if (minAt < start) {
        minAt = start;
        for (let i = start + 1; i <= end; i++) if (kept[i] <= kept[minAt]) minAt = i;
        out.add(kept[minAt]);
      } else if (kept[end] <= kept[minAt]) {
        minAt = end;
        out.add(kept[minAt]);
      }
    }
  }
  return [...out].sort((a, b) => a - b);
}

export interface CandidateOptions {
  /** Fingerprints two articles must share to be aligned. */
  readonly minShared: number;
  /**
   * A fingerprint carried by more articles than this is a set phrase or furniture,
   * not evidence of copying between any two of them.
   */
  readonly maxArticles: number;
}

export const DEFAULT_CANDIDATES: CandidateOptions = { minShared: 2, maxArticles: 200 };

/**
 * Article pairs [i, j] (i < j) sharing at least `minShared` fingerprints, sorted. This is
 * the join a distributed run does with a `groupByKey` on the fingerprint.
 */
export function candidatePairs(prints: readonly (readonly number[])[], options: CandidateOptions = DEFAULT_CANDIDATES): Array<[number, number]> {
  const postings = new Map<number, number[]>();
  prints.forEach((list, doc) => {
    for (const h of list) {
      const p = postings.get(h);
      if (p) p.push(doc);
      else postings.set(h, [doc]);
    }
  });
  const counts = new Map<number, number>();
  const n = prints.length;
  for (const docs of postings.values()) {
    if (docs.length < 2 || docs.length > options.maxArticles) continue;
    for (let x = 0; x < docs.length; x++) {
      for (let y = x + 1; y < docs.length; y++) {
        const key = docs[x] * n + docs[y];
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
    }
  }
  const pairs: Array<[number, number]> = [];
  for (const [key, c] of counts) if (c >= options.minShared) pairs.push([Math.floor(key / n), key % n]);
  return pairs.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
}
