/**
 * Aligning articles sentence by sentence: identical passages (wire copy), near-identical
 * ones (the same copy lightly edited: "Mr Xi"/"Xi", "Thaad"/"THAAD") and overlapping or
 * paraphrased ones, each with a similarity score; per article, how much of its body it
 * shares with the others and which passages only it has.
 */
import type { Article } from '../article';

export type Relation = 'identical' | 'near-identical' | 'overlap';

export interface Unit {
  readonly article: number;
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export interface Alignment {
  readonly a: Unit;
  readonly b: Unit;
  readonly relation: Relation;
  readonly score: number;
}

export interface ArticleShare {
  /** Share of body characters inside passages identical or near-identical to another article's. */
  readonly sharedFraction: number;
  /** Share of body characters with any counterpart, paraphrases included. */
  readonly overlapFraction: number;
  readonly unique: readonly Unit[];
}

export interface AlignOptions {
  readonly nearIdentical: number;
  readonly overlap: number;
}

export const DEFAULT_ALIGN_OPTIONS: AlignOptions = { nearIdentical: 0.6, overlap: 0.3 };

/** Words folded so that house-style differences do not count: case, titles, "U.S." → "us". */
export function normalizeWords(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/\bu\.s\./g, 'us')
    .replace(/\bu\.n\./g, 'un')
    .replace(/\b(?:mr|mrs|ms|dr)\.?\s+/g, '')
    .replace(/['’]s\b/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

function bigrams(words: readonly string[]): Set<string> {
  const out = new Set<string>();
  if (words.length === 1) out.add(words[0]);
  for (let i = 0; i + 1 < words.length; i++) out.add(`${words[i]} ${words[i + 1]}`);
  return out;
}

/** Dice coefficient over word bigrams: 1 for the same words in the same order. */
export function similarity(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let common = 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const g of small) if (large.has(g)) common++;
  return (2 * common) / (a.size + b.size);
}

/**
 * A posting is one number, article × UNIT_SPAN + unit (a pair of numbers per gram occurrence
 * made a 10 MB article's postings hundreds of MB); lists are sorted by article, then unit.
 */
const UNIT_SPAN = 2 ** 24;

/** The first entry of a posting list of article `j` or later. */
function firstOfArticle(list: readonly number[], j: number): number {
  const from = j * UNIT_SPAN;
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid] < from) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Whether a posting list holds a unit of article `j`. */
function holdsArticle(list: readonly number[], j: number): boolean {
  const at = firstOfArticle(list, j);
  return at < list.length && Math.floor(list[at] / UNIT_SPAN) === j;
}

/** The `n` rarest of `grams` (fewest postings first, ties by the gram's text). */
function rarest(grams: readonly string[], postings: ReadonlyMap<string, readonly unknown[]>, n: number): string[] {
  const counts = grams.map((g) => postings.get(g)!.length);
  const at = grams.map((_, k) => k);
  at.sort((x, y) => counts[x] - counts[y] || (grams[x] < grams[y] ? -1 : grams[x] > grams[y] ? 1 : 0));
  return at.slice(0, n).map((k) => grams[k]);
}

/** Index in `order` of the first gram `other` has too. */
function firstShared(order: readonly string[], other: Set<string>): number {
  for (let g = 0; g < order.length; g++) if (other.has(order[g])) return g;
  return order.length;
}

export function articleUnits(index: number, text: string, article: Article): Unit[] {
  return article.paragraphs.flatMap((p) => p.sentences.map((s) => ({ article: index, start: s.start, end: s.end, text: text.slice(s.start, s.end) })));
}

export interface Comparison {
  readonly units: readonly (readonly Unit[])[];
  readonly alignments: readonly Alignment[];
  readonly shares: readonly ArticleShare[];
}

/**
 * Compares N articles: for every sentence, its best counterpart in each other article.
 * Cost is sentences × sentences; a candidate index on rare bigrams keeps it small.
 */
export function compareArticles(texts: readonly string[], articles: readonly Article[], options: AlignOptions = DEFAULT_ALIGN_OPTIONS): Comparison {
  const units = articles.map((a, i) => articleUnits(i, texts[i], a));
  const grams = units.map((us) => us.map((u) => bigrams(normalizeWords(u.text))));
  const norm = units.map((us) => us.map((u) => normalizeWords(u.text).join(' ')));
  const postings = new Map<string, number[]>();
  grams.forEach((gs, i) => gs.forEach((g, k) => g.forEach((gram) => {
    const list = postings.get(gram);
    if (list) list.push(i * UNIT_SPAN + k);
    else postings.set(gram, [i * UNIT_SPAN + k]);
  })));
  // Grams from rarest to commonest. A pair reaching Dice t shares c ≥ t·|A|/(2−t) of A's
  // grams, so it shares one of A's grams outside its c − 1 commonest: probing those alone
  // finds every pair that can reach the threshold, without the postings of "of the" and
  // "in the", which hold nearly every sentence (the cost was sentences × sentences).
  const alignments: Alignment[] = [];
  for (let i = 0; i < units.length; i++) {
    for (let k = 0; k < units[i].length; k++) {
      const mine = grams[i][k];
      const order = [...mine];
      const need = Math.ceil((options.overlap * order.length) / (2 - options.overlap) - 1e-9);
      const probe = order.length - Math.max(need, 1) + 1;
      // Each gram's rarity looked up once (not at every comparison of the sort).
      const ranked = probe < order.length ? rarest(order, postings, probe) : order;
      // Best counterpart in each later article (each pair of articles is visited once).
      const candidates = new Map<number, [number, number]>();
      // Only the entries of later articles: a long article's common grams list its own units by the thousand.
      for (const gram of ranked) {
        const list = postings.get(gram)!;
        for (let at = firstOfArticle(list, i + 1); at < list.length; at++) {
          const j = Math.floor(list[at] / UNIT_SPAN);
          if (!candidates.has(list[at])) candidates.set(list[at], [j, list[at] - j * UNIT_SPAN]);
        }
      }
      const best = new Map<number, { m: number; score: number; rank: number }>();
      for (const [j, m] of candidates.values()) {
        const score = similarity(mine, grams[j][m]);
        if (score < options.overlap) continue;
        // Ties go to the counterpart met first when every gram was probed in order.
        const rank = firstShared(order, grams[j][m]);
        const current = best.get(j);
        if (!current || score > current.score || (score === current.score && (rank < current.rank || (rank === current.rank && m < current.m)))) best.set(j, { m, score, rank });
      }
      // In the order the articles were first met when every gram was probed in order.
      const met = (j: number) => order.findIndex((g) => holdsArticle(postings.get(g)!, j));
      const firstMet = new Map([...best.keys()].map((j) => [j, met(j)]));
      for (const [j, { m, score }] of [...best].sort((x, y) => firstMet.get(x[0])! - firstMet.get(y[0])! || x[0] - y[0])) {
        const relation: Relation = norm[i][k] === norm[j][m] ? 'identical' : score >= options.nearIdentical ? 'near-identical' : 'overlap';
        alignments.push({ a: units[i][k], b: units[j][m], relation, score: Math.round(score * 1000) / 1000 });
      }
    }
  }
  const shares = units.map((us, i) => {
    const body = us.reduce((n, u) => n + (u.end - u.start), 0) || 1;
    const strong = new Set<number>();
    const any = new Set<number>();
    for (const al of alignments) {
      for (const [u, other] of [[al.a, al.b], [al.b, al.a]] as const) {
        if (u.article !== i) continue;
        void other;
        any.add(u.start);
        if (al.relation !== 'overlap') strong.add(u.start);
      }
    }
    const chars = (set: Set<number>) => us.filter((u) => set.has(u.start)).reduce((n, u) => n + (u.end - u.start), 0);
    return {
      sharedFraction: Math.round((chars(strong) / body) * 1000) / 1000,
      overlapFraction: Math.round((chars(any) / body) * 1000) / 1000,
      unique: us.filter((u) => !any.has(u.start)),
    };
  });
  return { units, alignments, shares };
}
