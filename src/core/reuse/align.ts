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

// Scratch space reused across calls: one alignment allocates almost nothing, so its cost does not
// grow with the heap around it. (Every seed a tuple, every box an object and a Set rebuilt at
// each merge made garbage collection a third of alignment's time once 100,000 articles' words
// were live: the same pairs took 1.36× the CPU time at 100,000 articles as at 10,000.)
let seedA = new Int32Array(1024);
let seedB = new Int32Array(1024);
/** Boxes: bounds, seed count, and their seeds as a linked list (first, last, next seed). */
let boxA0 = new Int32Array(1024);
let boxA1 = new Int32Array(1024);
let boxB0 = new Int32Array(1024);
let boxB1 = new Int32Array(1024);
let boxCoverA = new Int32Array(1024);
let boxCoverB = new Int32Array(1024);
let boxSeeds = new Int32Array(1024);
let boxFirst = new Int32Array(1024);
let boxLast = new Int32Array(1024);
let seedNext = new Int32Array(1024);
/** Word positions marked with the current stamp (covered words, shared and own words). */
let markA = new Int32Array(1024);
let markB = new Int32Array(1024);
let markOwn = new Int32Array(1024);
let stamp = 0;
/** The bigram table of side b: open addressing, a slot in use when it carries the call's stamp. */
let slotStamp = new Int32Array(1024);
let slotKey = new Int32Array(1024);
let slotCount = new Int32Array(1024);
let slotFirst = new Int32Array(1024);
let slotLast = new Int32Array(1024);
let slotSeenA = new Int32Array(1024);
let tableStamp = 0;
let positionNext = new Int32Array(1024);
/** Prefix maximum of the a-side ends of the boxes kept so far in a grouping pass. */
let prefixA1 = new Int32Array(1024);

function grown(a: Int32Array<ArrayBuffer>, need: number, keep = false): Int32Array<ArrayBuffer> {
  if (a.length >= need) return a;
  let size = a.length;
  while (size < need) size *= 2;
  const out = new Int32Array(size);
  if (keep) out.set(a);
  return out;
}

/** Room for `boxes` boxes (one per seed at first) and marks over `words` word positions. */
function ensureBoxes(boxes: number, words: number): void {
  if (boxA0.length < boxes) {
    boxA0 = grown(boxA0, boxes);
    boxA1 = grown(boxA1, boxes);
    boxB0 = grown(boxB0, boxes);
    boxB1 = grown(boxB1, boxes);
    boxCoverA = grown(boxCoverA, boxes);
    boxCoverB = grown(boxCoverB, boxes);
    boxSeeds = grown(boxSeeds, boxes);
    boxFirst = grown(boxFirst, boxes);
    boxLast = grown(boxLast, boxes);
    seedNext = grown(seedNext, boxes);
    prefixA1 = grown(prefixA1, boxes);
  }
  if (markA.length < words) {
    // Marks carry stamps: new arrays start at 0, which no live stamp equals.
    markA = grown(markA, words);
    markB = grown(markB, words);
    markOwn = grown(markOwn, words);
  }
}

function nextStamp(): number {
  if (stamp >= 0x7ffffff0) {
    markA.fill(0);
    markB.fill(0);
    markOwn.fill(0);
    stamp = 0;
  }
  return ++stamp;
}

function bigramKey(t: ReuseTokens, i: number): number {
  return (Math.imul(t.words[i], 0x01000193) ^ t.words[i + 1]) | 0;
}

/**
 * Seeds: pairs (i, j) of positions where the two texts share a word bigram (not two stop
 * words), a bigram counted at most `maxRepeats` times on either side; in order of i, then j.
 * Returns their number; they are in seedA / seedB.
 */
function seedsOf(a: ReuseTokens, b: ReuseTokens, maxRepeats: number): number {
  const nb = b.words.length;
  let size = 16;
  while (size < 2 * nb) size *= 2;
  if (slotStamp.length < size) {
    slotStamp = grown(slotStamp, size);
    slotKey = grown(slotKey, size);
    slotCount = grown(slotCount, size);
    slotFirst = grown(slotFirst, size);
    slotLast = grown(slotLast, size);
    slotSeenA = grown(slotSeenA, size);
  }
  if (tableStamp >= 0x7ffffff0) {
    slotStamp.fill(0);
    tableStamp = 0;
  }
  const mark = ++tableStamp;
  const mask = size - 1;
  positionNext = grown(positionNext, nb);
  for (let j = 0; j + 1 < nb; j++) {
    if (b.stop[j] && b.stop[j + 1]) continue;
    const k = bigramKey(b, j);
    let s = Math.imul(k, 0x9e3779b1) >>> 0 & mask;
    while (slotStamp[s] === mark && slotKey[s] !== k) s = (s + 1) & mask;
    positionNext[j] = -1;
    if (slotStamp[s] !== mark) {
      slotStamp[s] = mark;
      slotKey[s] = k;
      slotCount[s] = 1;
      slotFirst[s] = j;
      slotLast[s] = j;
      slotSeenA[s] = 0;
    } else {
      slotCount[s]++;
      positionNext[slotLast[s]] = j;
      slotLast[s] = j;
    }
  }
  let count = 0;
  for (let i = 0; i + 1 < a.words.length; i++) {
    if (a.stop[i] && a.stop[i + 1]) continue;
    const k = bigramKey(a, i);
    let s = Math.imul(k, 0x9e3779b1) >>> 0 & mask;
    while (slotStamp[s] === mark && slotKey[s] !== k) s = (s + 1) & mask;
    if (slotStamp[s] !== mark || slotCount[s] > maxRepeats) continue;
    if (++slotSeenA[s] > maxRepeats) continue;
    if (count + slotCount[s] > seedA.length) {
      seedA = grown(seedA, count + slotCount[s], true);
      seedB = grown(seedB, count + slotCount[s], true);
    }
    for (let j = slotFirst[s]; j !== -1; j = positionNext[j]) {
      seedA[count] = i;
      seedB[count++] = j;
    }
  }
  return count;
}

function gapBetween(x0: number, x1: number, y0: number, y1: number): number {
  if (y0 > x1) return y0 - x1;
  if (x0 > y1) return x0 - y1;
  return 0;
}

/** Words covered by a box's seeds on side a and on side b (each seed covers two words). */
function cover(box: number): void {
  const s = nextStamp();
  let ca = 0;
  let cb = 0;
  for (let q = boxFirst[box]; q !== -1; q = seedNext[q]) {
    const i = seedA[q];
    const j = seedB[q];
    if (markA[i] !== s) (markA[i] = s), ca++;
    if (markA[i + 1] !== s) (markA[i + 1] = s), ca++;
    if (markB[j] !== s) (markB[j] = s), cb++;
    if (markB[j + 1] !== s) (markB[j + 1] = s), cb++;
  }
  boxCoverA[box] = ca;
  boxCoverB[box] = cb;
}

/**
 * Single-linkage grouping of boxes whose spans lie within `gap` words on both sides, as
 * long as the merged box stays at least `density` covered (so that a passage does not
 * grow into the names and set phrases any two reports of one event share). Passes in order
 * of a0 (then b0) until nothing merges; a box joins the latest kept box it may join.
 * Within a pass the kept boxes' starts only grow, so the search for a host stops once no
 * earlier box ends near enough (the prefix maximum of their ends).
 */
function group(boxes: number[], gap: number, density: number): number[] {
  const byStart = (p: number, q: number) => boxA0[p] - boxA0[q] || boxB0[p] - boxB0[q];
  let current = boxes.slice().sort(byStart);
  // With no density to keep, covers are not looked at while grouping: computed once at the end.
  const keepCover = density > 0;
  for (;;) {
    const out: number[] = [];
    let merged = false;
    for (const box of current) {
      let host = -1;
      const reach = boxA0[box] - gap;
      for (let k = out.length - 1; k >= 0 && prefixA1[k] >= reach; k--) {
        const o = out[k];
        if (gapBetween(boxA0[o], boxA1[o], boxA0[box], boxA1[box]) > gap || gapBetween(boxB0[o], boxB1[o], boxB0[box], boxB1[box]) > gap) continue;
        if (keepCover) {
          const lenA = Math.max(boxA1[o], boxA1[box]) - Math.min(boxA0[o], boxA0[box]);
          const lenB = Math.max(boxB1[o], boxB1[box]) - Math.min(boxB0[o], boxB0[box]);
          if (Math.min(boxCoverA[o] + boxCoverA[box], lenA) < density * lenA || Math.min(boxCoverB[o] + boxCoverB[box], lenB) < density * lenB) continue;
        }
        host = k;
        break;
      }
      if (host >= 0) {
        const o = out[host];
        boxA0[o] = Math.min(boxA0[o], boxA0[box]);
        boxB0[o] = Math.min(boxB0[o], boxB0[box]);
        boxB1[o] = Math.max(boxB1[o], boxB1[box]);
        if (boxA1[box] > boxA1[o]) {
          boxA1[o] = boxA1[box];
          for (let k = host; k < out.length && prefixA1[k] < boxA1[o]; k++) prefixA1[k] = boxA1[o];
        }
        seedNext[boxLast[o]] = boxFirst[box];
        boxLast[o] = boxLast[box];
        boxSeeds[o] += boxSeeds[box];
        if (keepCover) cover(o);
        merged = true;
      } else {
        prefixA1[out.length] = out.length ? Math.max(prefixA1[out.length - 1], boxA1[box]) : boxA1[box];
        out.push(box);
      }
    }
    if (!merged) {
      if (!keepCover) for (const box of out) cover(box);
      return out;
    }
    current = out.sort(byStart);
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
  if (seeds < options.fragmentSeeds) return [];
  ensureBoxes(seeds, Math.max(a.words.length, b.words.length) + 2);
  const singles: number[] = new Array(seeds);
  for (let q = 0; q < seeds; q++) {
    boxA0[q] = seedA[q];
    boxA1[q] = seedA[q] + 2;
    boxB0[q] = seedB[q];
    boxB1[q] = seedB[q] + 2;
    boxCoverA[q] = 2;
    boxCoverB[q] = 2;
    boxSeeds[q] = 1;
    boxFirst[q] = q;
    boxLast[q] = q;
    seedNext[q] = -1;
    singles[q] = q;
  }
  const fragments = group(singles, options.fragmentGap, 0).filter((f) => boxSeeds[f] >= options.fragmentSeeds);
  const passages = group(fragments, options.passageGap, options.minDensity);
  const out: AlignedPassage[] = [];
  for (const p of passages) {
    const words = Math.min(boxA1[p] - boxA0[p], boxB1[p] - boxB0[p]);
    if (words < options.minWords) continue;
    const sharedMark = nextStamp();
    let shared = 0;
    let own = 0;
    for (let q = boxFirst[p]; q !== -1; q = seedNext[q]) {
      const i = seedA[q];
      const j = seedB[q];
      for (let k = 0; k < 2; k++) {
        if (markA[i + k] !== sharedMark) (markA[i + k] = sharedMark), shared++;
        if (!(a.inQuote[i + k] && b.inQuote[j + k]) && markOwn[i + k] !== sharedMark) (markOwn[i + k] = sharedMark), own++;
      }
    }
    if (own < options.ownWords || own < options.ownShare * shared) continue;
    const a0 = boxA0[p];
    const a1 = boxA1[p];
    const b0 = boxB0[p];
    const b1 = boxB1[p];
    const verbatim = sameSequence(a, a0, a1, b, b0, b1);
    const similarity = verbatim ? 1 : wordDice(a, a0, a1, b, b0, b1);
    if (similarity < options.minSimilarity) continue;
    out.push({
      a: { start: a0, end: a1 },
      b: { start: b0, end: b1 },
      aChars: charSpan(textA, a, a0, a1),
      bChars: charSpan(textB, b, b0, b1),
      words,
      similarity: Math.round(similarity * 1000) / 1000,
      kind: verbatim ? 'verbatim' : similarity >= options.editedAt ? 'edited' : 'rewritten',
    });
  }
  return out.sort((x, y) => x.a.start - y.a.start || x.b.start - y.b.start);
}
