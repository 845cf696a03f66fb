/** 32-bit feature hashes: the tagger never builds a feature string on its hot path. */

export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}

/** Combines a template (or running hash) with one more value. */
export function mix(a: number, b: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ b;
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
  return (h ^ (h >>> 16)) | 0;
}

/** A template id: the hash of its name, so adding a template never renumbers the others. */
export function template(name: string): number {
  return hashString(`template:${name}`);
}

/** Adds a feature's weights for every tag to `scores`; unknown features add nothing. */
export interface Scorer {
  add(hashes: readonly number[], scores: Float64Array): void;
}

/**
 * Weights stored inside an open-addressing table keyed by feature hash. Each slot is
 * one run of 16-bit values, [key low, key high, weight per tag…], so finding a
 * feature's weights touches one cache line; the tagger's speed is bound by these misses.
 * Hash 0 marks an empty slot (a real hash of 0 is stored as 1). A key's home slot is its
 * top bits (sign flipped), so a model's hashes, which are stored in ascending order, fill
 * the table front to back: building it writes memory in order instead of at random (the
 * larger part of loading a model), and lookups are linear probing as before.
 * Scores stay in quantised units: ranking tags needs no scale, and sums of integers do not
 * depend on their order (the tagger adds cached partial sums).
 */
export class HashedWeights implements Scorer {
  private readonly slots: Int16Array;
  private readonly keys: Int32Array;
  private readonly mask: number;
  /** home slot = (key ^ 0x80000000) >>> shift */
  private readonly shift: number;
  private readonly stride: number;

  constructor(
    hashes: Int32Array,
    rowWeights: Int16Array,
    private readonly width: number,
  ) {
    let capacity = 16;
    let bits = 4;
    while (capacity < hashes.length * 2) {
      capacity <<= 1;
      bits++;
    }
    this.mask = capacity - 1;
    this.shift = 32 - bits;
    // Two int16 hold the key; pad the stride to an even count so keys stay 4-byte aligned.
    this.stride = 2 + width + ((2 + width) % 2);
    const stride = this.stride;
    const keyStride = stride / 2;
    const mask = this.mask;
    const shift = this.shift;
    const slots = new Int16Array(capacity * stride);
    const keys = new Int32Array(slots.buffer);
    for (let r = 0; r < hashes.length; r++) {
      const key = hashes[r] === 0 ? 1 : hashes[r];
      let slot = (key ^ 0x80000000) >>> shift;
      while (keys[slot * keyStride] !== 0) slot = (slot + 1) & mask;
      keys[slot * keyStride] = key;
      const from = r * width;
      const to = slot * stride + 2;
      for (let c = 0; c < width; c++) slots[to + c] = rowWeights[from + c];
    }
    this.slots = slots;
    this.keys = keys;
  }

  add(hashes: readonly number[], scores: Float64Array): void {
    const { slots, keys, mask, shift, width, stride } = this;
    const keyStride = stride >> 1;
    for (let k = 0; k < hashes.length; k++) {
      const h = hashes[k] === 0 ? 1 : hashes[k];
      let slot = (h ^ 0x80000000) >>> shift;
      let key = keys[slot * keyStride];
      while (key !== 0 && key !== h) {
        slot = (slot + 1) & mask;
        key = keys[slot * keyStride];
      }
      if (key === 0) continue;
      const base = slot * stride + 2;
      for (let c = 0; c < width; c++) scores[c] += slots[base + c];
    }
  }
}

/** Weights during training: a growing map from feature hash to a row of doubles. */
export class MapScorer implements Scorer {
  constructor(
    private readonly rows: ReadonlyMap<number, number>,
    private readonly weights: Float64Array,
    private readonly width: number,
  ) {}

  add(hashes: readonly number[], scores: Float64Array): void {
    for (const h of hashes) {
      const row = this.rows.get(h);
      if (row === undefined) continue;
      const base = row * this.width;
      for (let c = 0; c < this.width; c++) scores[c] += this.weights[base + c];
    }
  }
}

/**
 * Both stages' weights in one open-addressing table: a slot is [key low, key high, first
 * stage's weight per tag…, second stage's…], so one probe (one cache miss) finds a feature's
 * weights for both stages; a feature only one stage knows has zeros for the other. Keys and
 * home slots as in HashedWeights, and the two models' sorted hashes are merged on the way
 * in, so the table is still written front to back.
 */
/** 2^21 bits (256 KB): about 5 % of unknown features pass it for a model of 115,000 features. */
const FILTER_BITS = 21;

export class PairedWeights {
  readonly slots: Int16Array;
  private readonly keys: Int32Array;
  private readonly mask: number;
  private readonly shift: number;
  /** int16 values per slot, and int32 per slot (where a key is). */
  readonly stride: number;
  private readonly keyStride: number;
  /**
   * One bit per key, by another mix of its bits than its slot: small enough to stay in the
   * processor's cache, so most features neither stage knows (a third of a token's lookups;
   * most word pairs are new) are passed without reading the table. A set bit only means "look".
   */
  private readonly filter = new Int32Array(1 << (FILTER_BITS - 5));

  constructor(
    first: { hashes: Int32Array; weights: Int16Array },
    second: { hashes: Int32Array; weights: Int16Array },
    readonly width: number,
  ) {
    const a = first.hashes;
    const b = second.hashes;
    let distinct = 0;
    for (let i = 0, j = 0; i < a.length || j < b.length; distinct++) {
      if (j >= b.length || (i < a.length && a[i] < b[j])) i++;
      else if (i >= a.length || b[j] < a[i]) j++;
      else (i++, j++);
    }
    let capacity = 16;
    let bits = 4;
    while (capacity < distinct * 2) {
      capacity <<= 1;
      bits++;
    }
    this.mask = capacity - 1;
    this.shift = 32 - bits;
    this.stride = 2 + 2 * width + ((2 + 2 * width) % 2);
    this.keyStride = this.stride / 2;
    this.slots = new Int16Array(capacity * this.stride);
    this.keys = new Int32Array(this.slots.buffer);
    const slots = this.slots;
    const wa = first.weights;
    const wb = second.weights;
    for (let i = 0, j = 0; i < a.length || j < b.length; ) {
      const takeA = j >= b.length || (i < a.length && a[i] <= b[j]);
      const takeB = i >= a.length || (j < b.length && b[j] <= a[i]);
      const base = this.insert(takeA ? a[i] : b[j]);
      if (takeA) {
        for (let c = 0, from = i * width; c < width; c++) slots[base + c] = wa[from + c];
        i++;
      }
      if (takeB) {
        for (let c = 0, from = j * width; c < width; c++) slots[base + width + c] = wb[from + c];
        j++;
      }
    }
  }

  private insert(hash: number): number {
    const key = hash === 0 ? 1 : hash;
    const bit = Math.imul(key, 0x9e3779b1) >>> (32 - FILTER_BITS);
    this.filter[bit >>> 5] |= 1 << (bit & 31);
    let slot = (key ^ 0x80000000) >>> this.shift;
    while (this.keys[slot * this.keyStride] !== 0) slot = (slot + 1) & this.mask;
    this.keys[slot * this.keyStride] = key;
    return slot * this.stride + 2;
  }

  /** Where the feature's first-stage weights start in `slots` (the second's follow), -1 when neither stage knows it. */
  find(hash: number): number {
    const keys = this.keys;
    const keyStride = this.keyStride;
    const h = hash === 0 ? 1 : hash;
    const bit = Math.imul(h, 0x9e3779b1) >>> (32 - FILTER_BITS);
    if ((this.filter[bit >>> 5] & (1 << (bit & 31))) === 0) return -1;
    let slot = (h ^ 0x80000000) >>> this.shift;
    let key = keys[slot * keyStride];
    while (key !== 0 && key !== h) {
      slot = (slot + 1) & this.mask;
      key = keys[slot * keyStride];
    }
    return key === 0 ? -1 : slot * this.stride + 2;
  }
}
