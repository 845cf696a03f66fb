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
