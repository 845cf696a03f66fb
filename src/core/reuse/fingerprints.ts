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
  // Typed arrays throughout (no Set, no boxed numbers): the minima picked, sorted, then each kept once.
  const kept = new Int32Array(hashes.length);
  let n = 0;
  for (let i = 0; i < hashes.length; i++) if (keep[i]) kept[n++] = hashes[i];
  const w = options.window;
  const picked = new Int32Array(n);
  let m = 0;
  if (n <= w) for (let i = 0; i < n; i++) picked[m++] = kept[i];
  else {
    // Robust winnowing: the rightmost minimum of each window, recorded when it changes.
    let minAt = -1;
    for (let end = w - 1; end < n; end++) {
      const start = end - w + 1;
      if (minAt < start) {
        minAt = start;
        for (let i = start + 1; i <= end; i++) if (kept[i] <= kept[minAt]) minAt = i;
        picked[m++] = kept[minAt];
      } else if (kept[end] <= kept[minAt]) {
        minAt = end;
        picked[m++] = kept[minAt];
      }
    }
  }
  const sorted = picked.subarray(0, m).sort();
  const out: number[] = [];
  for (let i = 0; i < m; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) out.push(sorted[i]);
  return out;
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
 * the join a distributed run does with a `groupByKey` on the fingerprint. Here: every
 * (fingerprint, article) entry in one sorted typed array (no hash table of tens of millions
 * of fingerprints), the fingerprints of 2…maxArticles articles kept, then one pass per article
 * over the kept fingerprints it carries with a dense counter of the articles after it — memory
 * linear in the corpus, and no table of all co-occurring pairs is ever built.
 */
export function candidatePairs(prints: readonly (readonly number[])[], options: CandidateOptions = DEFAULT_CANDIDATES): Array<[number, number]> {
  const n = prints.length;
  const docBits = Math.max(1, Math.ceil(Math.log2(n + 1)));
  if (docBits > 21) throw new Error(`candidatePairs: at most ${2 ** 21 - 1} articles in one process; split the corpus (reuse --fingerprints / --align)`);
  const scale = 2 ** docBits;
  let total = 0;
  for (const list of prints) total += list.length;
  // Each entry is (fingerprint + 2^31) · 2^docBits + article: sorting the numbers groups them
  // by fingerprint, articles ascending within each group (≤ 53 bits, exact in a double).
  const entries = new Float64Array(total);
  let at = 0;
  prints.forEach((list, doc) => {
    for (const h of list) entries[at++] = (h + 2147483648) * scale + doc;
  });
  entries.sort();
  const docs = new Int32Array(total);
  for (let k = 0; k < total; k++) docs[k] = entries[k] % scale;
  // Groups (runs of one fingerprint) carried by 2…maxArticles articles.
  const runStart: number[] = [];
  const runEnd: number[] = [];
  for (let k = 0; k < total; ) {
    const key = Math.floor(entries[k] / scale);
    let e = k + 1;
    while (e < total && Math.floor(entries[e] / scale) === key) e++;
    const size = e - k;
    if (size >= 2 && size <= options.maxArticles) {
      runStart.push(k);
      runEnd.push(e);
    }
    k = e;
  }
  // Each article's kept groups, as offsets into one array.
  const perDoc = new Int32Array(n + 1);
  for (let r = 0; r < runStart.length; r++) for (let k = runStart[r]; k < runEnd[r]; k++) perDoc[docs[k] + 1]++;
  for (let d = 0; d < n; d++) perDoc[d + 1] += perDoc[d];
  const fill = perDoc.slice(0, n);
  const runsOf = new Int32Array(perDoc[n]);
  for (let r = 0; r < runStart.length; r++) for (let k = runStart[r]; k < runEnd[r]; k++) runsOf[fill[docs[k]]++] = r;

  const counts = new Int32Array(n);
  const touched: number[] = [];
  const pairs: Array<[number, number]> = [];
  for (let i = 0; i < n; i++) {
    for (let x = perDoc[i]; x < perDoc[i + 1]; x++) {
      const r = runsOf[x];
      // Only the articles after i: each pair is counted from its first article.
      for (let k = runEnd[r] - 1; k >= runStart[r] && docs[k] > i; k--) {
        const j = docs[k];
        if (counts[j]++ === 0) touched.push(j);
      }
    }
    touched.sort((a, b) => a - b);
    for (const j of touched) {
      if (counts[j] >= options.minShared) pairs.push([i, j]);
      counts[j] = 0;
    }
    touched.length = 0;
  }
  return pairs;
}
