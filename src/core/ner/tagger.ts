/** A greedy left-to-right entity tagger scored by a linear (averaged perceptron) model. */
import { boundaryRoleFeatures, contextFeatures, documentContext, ROLE_OFFSETS, roleFeatureSets, tagHistoryFeatures, wordHistoryFeatures } from './features';
import { Gazetteer } from './gazetteer';
import { HashedWeights, type Scorer } from './hashing';

export const TAGS = ['O', 'B-PER', 'I-PER', 'B-ORG', 'I-ORG', 'B-LOC', 'I-LOC', 'B-MISC', 'I-MISC'] as const;
export const NUM_TAGS = TAGS.length;

/** IOB2: an I- tag may only continue a chunk of its own type. */
export function allowed(prev: string, tag: string): boolean {
  if (!tag.startsWith('I-')) return true;
  return prev !== 'O' && prev !== '<s>' && prev.slice(2) === tag.slice(2);
}

/** allowed() as a table: ALLOWED[prevIndex + 1][tagIndex], prevIndex -1 for the sentence start. */
export const ALLOWED = [-1, ...TAGS.map((_, i) => i)].map((p) => TAGS.map((t) => allowed(p < 0 ? '<s>' : TAGS[p], t)));

/** A tag chosen for one word: its index, and how far it beat the runner-up in the scorer's units (a confidence). */
export interface TagChoice {
  tag: number;
  margin: number;
}

/** The best-scoring tag the previous tag allows (the first on a tie), written into `choice` (no allocation per word). */
export function chooseTag(scores: Float64Array, allowedHere: readonly boolean[], choice: TagChoice): void {
  let bestTag = 0;
  let bestScore = -Infinity;
  let secondScore = -Infinity;
  for (let c = 0; c < NUM_TAGS; c++) {
    if (!allowedHere[c]) continue;
    if (scores[c] > bestScore) {
      secondScore = bestScore;
      bestScore = scores[c];
      bestTag = c;
    } else if (scores[c] > secondScore) secondScore = scores[c];
  }
  choice.tag = bestTag;
  choice.margin = bestScore - secondScore;
}

export interface SerializedTagger {
  format: 'corpus-lens/ner-hashed@1';
  tags: string[];
  /** Int32 feature hashes, one a weight row, base64. */
  hashes: string;
  /** Int16 weights, `hashes × tags`, base64; real weight = value × scale. */
  weights: string;
  scale: number;
  gazetteer: Array<[string, string[]]>;
}

/**
 * Scored word types per cache generation: when the young generation fills, it becomes the
 * old one and the oldest is dropped, so the words a long run keeps meeting stay cached
 * (a cache cleared wholesale scores them all again). At most twice this many are kept.
 */
export const WORD_SCORE_CACHE_LIMIT = 50_000;

/** A map of two generations: lookups promote an old entry, a full young one ages. */
class GenerationalCache<K, V> {
  private young = new Map<K, V>();
  private old = new Map<K, V>();
  constructor(private readonly limit: number) {}

  get(key: K): V | undefined {
    const v = this.young.get(key);
    if (v !== undefined) return v;
    const o = this.old.get(key);
    if (o !== undefined) this.set(key, o);
    return o;
  }

  set(key: K, value: V): void {
    if (this.young.size >= this.limit) {
      this.old = this.young;
      this.young = new Map();
    }
    this.young.set(key, value);
  }
}
export const ROLES = ROLE_OFFSETS.length;
/** Where a cached word's history weights start: one row per previous tag, sentence start first. */
export const HISTORY_BASE = ROLES * NUM_TAGS;
/** A word's scores for one stage: its role rows, then its history rows. */
export const WORD_SCORES = HISTORY_BASE + (NUM_TAGS + 1) * NUM_TAGS;
/** Rows per pooled chunk of word scores. */
const CHUNK_ROWS = 1024;

/** One generation of scored word types: where each word's row is, in chunks of CHUNK_ROWS rows. */
class RowGeneration {
  readonly at = new Map<string, number>();
  readonly chunks: Float32Array[] = [];
  size = 0;
  constructor(private readonly width: number) {}

  /** A new row, NaN throughout (nothing computed yet). */
  add(word: string): number {
    const row = this.size++;
    if ((row & (CHUNK_ROWS - 1)) === 0) this.chunks.push(new Float32Array(CHUNK_ROWS * this.width).fill(NaN));
    this.at.set(word, row);
    return row;
  }
}

/**
 * Scored word types by generation, as GenerationalCache does, with every word's row inside a
 * few large Float32Arrays: scoring a new word allocates no array of its own (an array buffer
 * a word made the first pass slow and gave the collector work). A word found in the old
 * generation is copied into the young one, the rows it has filled with it.
 */
export class WordRows {
  private young: RowGeneration;
  private old: RowGeneration;
  /** Where the last row found or added is: its chunk and the offset of its first score. */
  chunk: Float32Array = new Float32Array(0);
  offset = 0;
  constructor(
    private readonly limit: number,
    /** Scores per word. */
    private readonly width = WORD_SCORES,
  ) {
    this.young = new RowGeneration(width);
    this.old = new RowGeneration(width);
  }

  /** Points chunk/offset at the word's row; false when the word is new (its row is then NaN). */
  find(word: string): boolean {
    const row = this.young.at.get(word);
    if (row !== undefined) {
      this.point(this.young, row);
      return true;
    }
    const oldRow = this.old.at.get(word);
    this.add(word);
    if (oldRow === undefined) return false;
    const from = this.old.chunks[oldRow >> 10];
    const start = (oldRow & (CHUNK_ROWS - 1)) * this.width;
    this.chunk.set(from.subarray(start, start + this.width), this.offset);
    return true;
  }

  private add(word: string): void {
    if (this.young.size >= this.limit) {
      this.old = this.young;
      this.young = new RowGeneration(this.width);
    }
    this.point(this.young, this.young.add(word));
  }

  private point(generation: RowGeneration, row: number): void {
    this.chunk = generation.chunks[row >> 10];
    this.offset = (row & (CHUNK_ROWS - 1)) * this.width;
  }
}

export class Tagger {
  /**
   * Per word type, its weights summed for each role offset (ROLES × NUM_TAGS), then its
   * weights with each possible previous tag. Float32 holds a loaded model's quantised sums
   * exactly (they are integers well below 2^24); a tagger still in training rounds them.
   */
  private readonly wordScores = new WordRows(WORD_SCORE_CACHE_LIMIT);
  private readonly startScores: Float32Array;
  private readonly endScores: Float32Array;
  /** Weights of stacked features, which are few (tags of a first pass), by hash. */
  private readonly extraScores = new GenerationalCache<number, Float64Array>(WORD_SCORE_CACHE_LIMIT);
  /** Tag-history weights, by (previous-but-one tag + 1) × (NUM_TAGS + 1) + previous tag + 1. */
  private readonly historyScores: Float64Array;

  constructor(
    private readonly scorer: Scorer,
    readonly gazetteer: Gazetteer | null,
    /** The real weight of one scorer unit (a loaded model's weights are quantised). */
    readonly unit = 1,
  ) {
    this.startScores = this.roleScores((o) => boundaryRoleFeatures(-1, o));
    this.endScores = this.roleScores((o) => boundaryRoleFeatures(1, o));
    const name = (t: number) => (t < 0 ? '<s>' : TAGS[t]);
    this.historyScores = new Float64Array((NUM_TAGS + 1) * (NUM_TAGS + 1) * NUM_TAGS);
    for (let p2 = -1; p2 < NUM_TAGS; p2++) {
      for (let p1 = -1; p1 < NUM_TAGS; p1++) {
        const row = this.historyScores.subarray(((p2 + 1) * (NUM_TAGS + 1) + p1 + 1) * NUM_TAGS);
        scorer.add(tagHistoryFeatures(name(p2), name(p1)), row);
      }
    }
  }

  private roleScores(features: (offset: number) => number[]): Float32Array {
    const out = new Float32Array(HISTORY_BASE);
    this.fillRoles(ROLE_OFFSETS.map(features), out, 0);
    return out;
  }

  /** The role rows of `out` from `offset`, one feature list per role (a word's history rows are filled when first needed, historyOf). */
  private fillRoles(features: readonly (readonly number[])[], out: Float32Array, offset: number): void {
    const row = this.scratchRow;
    for (let r = 0; r < ROLES; r++) {
      row.fill(0);
      this.scorer.add(features[r], row);
      out.set(row, offset + r * NUM_TAGS);
    }
  }

  /**
   * Where the weights after previous tag `prev1` start in the row at `own[offset…]`,
   * computing them on first use: a word is seen after two or three of the ten possible
   * tags, so most of these rows are never read.
   */
  private historyOf(word: string, own: Float32Array, offset: number, prev1: number): number {
    const at = offset + HISTORY_BASE + (prev1 + 1) * NUM_TAGS;
    if (own[at] !== own[at]) {
      const row = this.scratchRow;
      row.fill(0);
      this.scorer.add(wordHistoryFeatures(prev1 < 0 ? '<s>' : TAGS[prev1], word, this.historyHashes), row);
      own.set(row, at);
    }
    return at;
  }

  private readonly scratchRow = new Float64Array(NUM_TAGS);
  private readonly historyHashes: number[] = [];
  /** The rows of the sentence being tagged: each word's chunk and offset. */
  private rowChunks: Float32Array[] = [];
  private rowOffsets: number[] = [];
  private readonly sentenceScores = new Float64Array(NUM_TAGS);
  private readonly choice: TagChoice = { tag: 0, margin: 0 };

  /** Points wordScores at the word's row, scoring the word the first time it is seen. */
  private findWord(word: string): void {
    const rows = this.wordScores;
    if (!rows.find(word)) this.fillRoles(roleFeatureSets(word, this.gazetteer), rows.chunk, rows.offset);
  }

  private scoresOfExtra(hash: number): Float64Array {
    let v = this.extraScores.get(hash);
    if (v === undefined) {
      v = new Float64Array(NUM_TAGS);
      this.scorer.add([hash], v);
      this.extraScores.set(hash, v);
    }
    return v;
  }

  /** Context features of every sentence of a document (shareable between taggers with one gazetteer). */
  staticFeatures(sentences: readonly (readonly string[])[]): number[][][] {
    const doc = documentContext(sentences);
    return sentences.map((s) => contextFeatures(s, doc, this.gazetteer));
  }

  /** Tags every sentence of one document; the document gives context to all of them. */
  tagDocument(
    sentences: readonly (readonly string[])[],
    extra?: readonly (readonly (readonly number[])[])[],
    staticFeatures?: readonly (readonly (readonly number[])[])[],
    margins?: number[][],
  ): string[][] {
    const feats = staticFeatures ?? this.staticFeatures(sentences);
    return sentences.map((s, i) => {
      const m = margins ? [] : undefined;
      const tags = this.tagSentence(s, feats[i], extra?.[i], m);
      if (margins && m) margins.push(m);
      return tags;
    });
  }

  /**
   * Greedy decoding. A token's score is its context features plus, for each word within
   * two places, that word's cached weights for its offset: the same sum as scoring every
   * static feature, with a fraction of the table lookups.
   */
  tagSentence(words: readonly string[], context: readonly (readonly number[])[], extra?: readonly (readonly number[])[], margins?: number[]): string[] {
    const n = words.length;
    const tags: string[] = [];
    const scores = this.sentenceScores;
    const choice = this.choice;
    const chunks = this.rowChunks;
    const offsets = this.rowOffsets;
    const rows = this.wordScores;
    for (let j = 0; j < n; j++) {
      this.findWord(words[j]);
      chunks[j] = rows.chunk;
      offsets[j] = rows.offset;
    }
    const start = this.startScores;
    const end = this.endScores;
    let prev1 = -1;
    let prev2 = -1;
    for (let i = 0; i < n; i++) {
      scores.fill(0);
      for (let r = 0; r < ROLES; r++) {
        const j = i + ROLE_OFFSETS[r];
        const v = j < 0 ? start : j >= n ? end : chunks[j];
        const base = (j < 0 || j >= n ? 0 : offsets[j]) + r * NUM_TAGS;
        for (let c = 0; c < NUM_TAGS; c++) scores[c] += v[base + c];
      }
      this.scorer.add(context[i], scores);
      if (extra) {
        for (const hash of extra[i]) {
          const v = this.scoresOfExtra(hash);
          for (let c = 0; c < NUM_TAGS; c++) scores[c] += v[c];
        }
      }
      const h = ((prev2 + 1) * (NUM_TAGS + 1) + prev1 + 1) * NUM_TAGS;
      const own = chunks[i];
      const hw = this.historyOf(words[i], own, offsets[i], prev1);
      for (let c = 0; c < NUM_TAGS; c++) scores[c] += this.historyScores[h + c] + own[hw + c];
      chooseTag(scores, ALLOWED[prev1 + 1], choice);
      const bestTag = choice.tag;
      tags.push(TAGS[bestTag]);
      margins?.push(choice.margin);
      prev2 = prev1;
      prev1 = bestTag;
    }
    // The sentence's rows are not kept past it (their chunks may belong to a dropped generation).
    chunks.length = 0;
    offsets.length = 0;
    return tags;
  }

  /** Rows whose weights all round to zero are dropped; the rest are quantised to 16 bits. */
  static serialize(rows: ReadonlyMap<number, number>, weights: Float64Array, gazetteer: Gazetteer): SerializedTagger {
    let maxAbs = 0;
    for (let i = 0; i < weights.length; i++) maxAbs = Math.max(maxAbs, Math.abs(weights[i]));
    const scale = maxAbs / 32767 || 1;
    const keptHashes: number[] = [];
    const keptWeights: number[] = [];
    const sorted = [...rows].sort((a, b) => a[0] - b[0]);
    for (const [hash, row] of sorted) {
      const q = Array.from({ length: NUM_TAGS }, (_, c) => Math.round(weights[row * NUM_TAGS + c] / scale));
      if (q.every((v) => v === 0)) continue;
      keptHashes.push(hash);
      keptWeights.push(...q);
    }
    return {
      format: 'corpus-lens/ner-hashed@1',
      tags: [...TAGS],
      hashes: bytesToBase64(new Uint8Array(Int32Array.from(keptHashes).buffer)),
      weights: bytesToBase64(new Uint8Array(Int16Array.from(keptWeights).buffer)),
      scale,
      gazetteer: gazetteer.toJSON(),
    };
  }

  /** A serialised tagger's weights by feature hash, in real units (what training starts from). */
  static weightsOf(data: SerializedTagger): { rows: Map<number, number>; weights: Float64Array } {
    const hb = base64ToBytes(data.hashes);
    const hashes = new Int32Array(hb.buffer, hb.byteOffset, hb.byteLength / 4);
    const wb = base64ToBytes(data.weights);
    const q = new Int16Array(wb.buffer, wb.byteOffset, wb.byteLength / 2);
    const rows = new Map<number, number>();
    const weights = new Float64Array(hashes.length * NUM_TAGS);
    for (let r = 0; r < hashes.length; r++) {
      rows.set(hashes[r], r);
      for (let c = 0; c < NUM_TAGS; c++) weights[r * NUM_TAGS + c] = q[r * NUM_TAGS + c] * data.scale;
    }
    return { rows, weights };
  }

  /** A serialised tagger's feature hashes (ascending) and quantised weights, `hashes × tags`. */
  static tableOf(data: SerializedTagger): { hashes: Int32Array; weights: Int16Array } {
    if (data.format !== 'corpus-lens/ner-hashed@1') throw new Error(`unknown NER model format ${String(data.format)}`);
    if (data.tags.join() !== TAGS.join()) throw new Error('NER model tags do not match this version');
    const hb = base64ToBytes(data.hashes);
    const hashes = new Int32Array(hb.buffer, hb.byteOffset, hb.byteLength / 4);
    const wb = base64ToBytes(data.weights);
    const weights = new Int16Array(wb.buffer, wb.byteOffset, wb.byteLength / 2);
    return { hashes, weights };
  }

  /** `gazetteer`: an already built one equal to the model's, to share between taggers. */
  static deserialize(data: SerializedTagger, gazetteer?: Gazetteer | null): Tagger {
    const { hashes, weights } = Tagger.tableOf(data);
    return new Tagger(new HashedWeights(hashes, weights, NUM_TAGS), gazetteer ?? Gazetteer.fromJSON(data.gazetteer), data.scale);
  }
}

function bytesToBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

function base64ToBytes(b64: string): Uint8Array {
  if (typeof Buffer !== 'undefined') {
    const b = Buffer.from(b64, 'base64');
    // Copy to an aligned buffer: typed-array views need offsets that are multiples of 4.
    const out = new Uint8Array(b.length);
    out.set(b);
    return out;
  }
  const s = atob(b64);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}
