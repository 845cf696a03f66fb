/**
 * Local alignment of one candidate pair, seed and extend: seeds are word bigrams the two
 * texts share; seeds close together on both sides form fragments; fragments close on both
 * sides (sentences reordered, one dropped or added between them) merge into one passage.
 * A passage is reported once, with its character spans on both sides.
 */
import type { ReuseTokens } from './tokens';

export type ReuseKind = 'verbatim' | 'edited' | 'rewritten';

export interface AlignedPassage {
  /** Word indices, end exclusive. */
  readonly a: { readonly start: number; readonly end: number };
  readonly b: { readonly start: number; readonly end: number };
  readonly aChars: { readonly start: number; readonly end: number };
  readonly bChars: { readonly start: number; readonly end: number };
  readonly words: number;
  readonly similarity: number;
  readonly kind: ReuseKind;
}

export interface AlignOptions {
  readonly minWords: number;
  /** Seeds at most this many words apart on both sides belong to one fragment. */
  readonly fragmentGap: number;
  /** Shared bigrams a fragment needs to count as evidence. */
  readonly fragmentSeeds: number;
  /** Fragments at most this many words apart on both sides are one passage. */
  readonly passageGap: number;
  /** Share of a passage's words (on each side) that its shared bigrams cover; merging never goes below it. */
  readonly minDensity: number;
  /** Shared words outside a common quotation a passage needs (at least, and as a share). */
  readonly ownWords: number;
  readonly ownShare: number;
  /** A bigram occurring more often than this in one text is not a seed (refrains, lists). */
  readonly maxRepeats: number;
  /** Below this similarity two passages are about one thing, not one text (a quarter of the words changed still leaves about 0.7). */
  readonly minSimilarity: number;
  /** Similarity from which a non-verbatim passage is "edited" rather than "rewritten". */
  readonly editedAt: number;
}

export const DEFAULT_ALIGN: AlignOptions = {
  minWords: 40,
  fragmentGap: 4,
  fragmentSeeds: 3,
  passageGap: 60,
  minDensity: 0.4,
  ownWords: 10,
  ownShare: 0.25,
  maxRepeats: 4,
  minSimilarity: 0.6,
  editedAt: 0.8,
};

interface Box {
  a0: number;
  a1: number;
  b0: number;
  b1: number;
  /** Words covered by seeds on side a and on side b. */
  coverA: number;
  coverB: number;
  seeds: Array<[number, number]>;
}

function covered(seeds: ReadonlyArray<[number, number]>): { coverA: number; coverB: number } {
  const a = new Set<number>();
  const b = new Set<number>();
  for (const [i, j] of seeds) {
    a.add(i).add(i + 1);
    b.add(j).add(j + 1);
  }
  return { coverA: a.size, coverB: b.size };
}

function bigramKey(t: ReuseTokens, i: number): number {
  return (Math.imul(t.words[i], 0x01000193) ^ t.words[i + 1]) | 0;
}

function seedsOf(a: ReuseTokens, b: ReuseTokens, maxRepeats: number): Array<[number, number]> {
  const index = new Map<number, number[]>();
  for (let j = 0; j + 1 < b.words.length; j++) {
    if (b.stop[j] && b.stop[j + 1]) continue;
    const k = bigramKey(b, j);
    const list = index.get(k);
    if (list) list.push(j);
    else index.set(k, [j]);
  }
  const seeds: Array<[number, number]> = [];
  const seenInA = new Map<number, number>();
  for (let i = 0; i + 1 < a.words.length; i++) {
    if (a.stop[i] && a.stop[i + 1]) continue;
    const k = bigramKey(a, i);
    const list = index.get(k);
    if (!list || list.length > maxRepeats) continue;
    const times = (seenInA.get(k) ?? 0) + 1;
    seenInA.set(k, times);
    if (times > maxRepeats) continue;
    for (const j of list) seeds.push([i, j]);
  }
  return seeds;
}

function gapBetween(x0: number, x1: number, y0: number, y1: number): number {
  if (y0 > x1) return y0 - x1;
  if (x0 > y1) return x0 - y1;
  return 0;
}

/**
 * Single-linkage grouping of boxes whose spans lie within `gap` words on both sides, as
 * long as the merged box stays at least `density` covered (so that a passage does not
 * grow into the names and set phrases any two reports of one event share).
 */
function group(boxes: Box[], gap: number, density: number): Box[] {
  let current = boxes.slice().sort((p, q) => p.a0 - q.a0 || p.b0 - q.b0);
  for (;;) {
    const out: Box[] = [];
    let merged = false;
    for (const box of current) {
      let host: Box | undefined;
      for (let k = out.length - 1; k >= 0; k--) {
        const o = out[k];
        if (gapBetween(o.a0, o.a1, box.a0, box.a1) > gap || gapBetween(o.b0, o.b1, box.b0, box.b1) > gap) continue;
        const lenA = Math.max(o.a1, box.a1) - Math.min(o.a0, box.a0);
        const lenB = Math.max(o.b1, box.b1) - Math.min(o.b0, box.b0);
        if (Math.min(o.coverA + box.coverA, lenA) < density * lenA || Math.min(o.coverB + box.coverB, lenB) < density * lenB) continue;
        host = o;
        break;
      }
      if (host) {
        host.a0 = Math.min(host.a0, box.a0);
        host.a1 = Math.max(host.a1, box.a1);
        host.b0 = Math.min(host.b0, box.b0);
        host.b1 = Math.max(host.b1, box.b1);
        for (const s of box.seeds) host.seeds.push(s);
        Object.assign(host, covered(host.seeds));
        merged = true;
      } else out.push({ ...box, seeds: box.seeds.slice() });
    }
    if (!merged) return out;
    current = out.sort((p, q) => p.a0 - q.a0 || p.b0 - q.b0);
  }
}

/** Multiset Dice over the words of two spans: 1 for the same words. */
function wordDice(a: ReuseTokens, a0: number, a1: number, b: ReuseTokens, b0: number, b1: number): number {
  const counts = new Map<number, number>();
  for (let i = a0; i < a1; i++) counts.set(a.words[i], (counts.get(a.words[i]) ?? 0) + 1);
  let common = 0;
  for (let j = b0; j < b1; j++) {
    const c = counts.get(b.words[j]);
    if (c) {
      common++;
      counts.set(b.words[j], c - 1);
    }
  }
  const total = a1 - a0 + (b1 - b0);
  return total ? (2 * common) / total : 0;
}

function sameSequence(a: ReuseTokens, a0: number, a1: number, b: ReuseTokens, b0: number, b1: number): boolean {
  if (a1 - a0 !== b1 - b0) return false;
  for (let k = 0; k < a1 - a0; k++) if (a.words[a0 + k] !== b.words[b0 + k]) return false;
  return true;
}

/** Punctuation and quotation marks glued to the passage's first and last word belong to it. */
export function charSpan(text: string, t: ReuseTokens, start: number, end: number): { start: number; end: number } {
  let s = t.starts[start];
  let e = t.ends[end - 1];
  while (s > 0 && /[“"‘'(\[«]/.test(text[s - 1])) s--;
  while (e < text.length && /[.,;:!?”"’')\]»]/.test(text[e])) e++;
  return { start: s, end: e };
}

export function alignPair(
  textA: string,
  a: ReuseTokens,
  textB: string,
  b: ReuseTokens,
  options: AlignOptions = DEFAULT_ALIGN,
): AlignedPassage[] {
  const seeds = seedsOf(a, b, options.maxRepeats);
  if (seeds.length < options.fragmentSeeds) return [];
  const fragments = group(
    seeds.map(([i, j]) => ({ a0: i, a1: i + 2, b0: j, b1: j + 2, coverA: 2, coverB: 2, seeds: [[i, j] as [number, number]] })),
    options.fragmentGap,
    0,
  ).filter((f) => f.seeds.length >= options.fragmentSeeds);
  const passages = group(fragments, options.passageGap, options.minDensity);
  const out: AlignedPassage[] = [];
  for (const p of passages) {
    const words = Math.min(p.a1 - p.a0, p.b1 - p.b0);
    if (words < options.minWords) continue;
    const sharedA = new Set<number>();
    const own = new Set<number>();
    for (const [i, j] of p.seeds) {
      for (let k = 0; k < 2; k++) {
        sharedA.add(i + k);
        if (!(a.inQuote[i + k] && b.inQuote[j + k])) own.add(i + k);
      }
    }
    if (own.size < options.ownWords || own.size < options.ownShare * sharedA.size) continue;
    const verbatim = sameSequence(a, p.a0, p.a1, b, p.b0, p.b1);
    const similarity = verbatim ? 1 : wordDice(a, p.a0, p.a1, b, p.b0, p.b1);
    if (similarity < options.minSimilarity) continue;
    out.push({
      a: { start: p.a0, end: p.a1 },
      b: { start: p.b0, end: p.b1 },
      aChars: charSpan(textA, a, p.a0, p.a1),
      bChars: charSpan(textB, b, p.b0, p.b1),
      words,
      similarity: Math.round(similarity * 1000) / 1000,
      kind: verbatim ? 'verbatim' : similarity >= options.editedAt ? 'edited' : 'rewritten',
    });
  }
  return out.sort((x, y) => x.a.start - y.a.start || x.b.start - y.b.start);
}
