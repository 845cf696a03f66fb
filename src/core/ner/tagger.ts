/** A greedy left-to-right entity tagger scored by a linear (averaged perceptron) model. */
import { documentContext, historyFeatures, sentenceFeatures } from './features';
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
const ALLOWED = [-1, ...TAGS.map((_, i) => i)].map((p) => TAGS.map((t) => allowed(p < 0 ? '<s>' : TAGS[p], t)));

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

export class Tagger {
  constructor(
    private readonly scorer: Scorer,
    readonly gazetteer: Gazetteer | null,
  ) {}

  /** Static features of every sentence of a document (shareable between taggers with one gazetteer). */
  staticFeatures(sentences: readonly (readonly string[])[]): number[][][] {
    const doc = documentContext(sentences);
    return sentences.map((s) => sentenceFeatures(s, doc, this.gazetteer));
  }

  /** Tags every sentence of one document; the document gives context to all of them. */
  tagDocument(sentences: readonly (readonly string[])[], extra?: readonly (readonly (readonly number[])[])[], staticFeatures?: readonly (readonly (readonly number[])[])[]): string[][] {
    const feats = staticFeatures ?? this.staticFeatures(sentences);
    return sentences.map((s, i) => this.tagSentence(s, feats[i], extra?.[i]));
  }

  tagSentence(words: readonly string[], feats: readonly (readonly number[])[], extra?: readonly (readonly number[])[]): string[] {
    const tags: string[] = [];
    const scores = new Float64Array(NUM_TAGS);
    const history: number[] = [];
    let prev1 = -1;
    let prev2 = -1;
    for (let i = 0; i < words.length; i++) {
      scores.fill(0);
      this.scorer.add(feats[i], scores);
      if (extra) this.scorer.add(extra[i], scores);
      this.scorer.add(historyFeatures(prev2 < 0 ? '<s>' : TAGS[prev2], prev1 < 0 ? '<s>' : TAGS[prev1], words[i], history), scores);
      const allowedHere = ALLOWED[prev1 + 1];
      let bestTag = 0;
      let bestScore = -Infinity;
      for (let c = 0; c < NUM_TAGS; c++) {
        if (allowedHere[c] && scores[c] > bestScore) {
          bestScore = scores[c];
          bestTag = c;
        }
      }
      tags.push(TAGS[bestTag]);
      prev2 = prev1;
      prev1 = bestTag;
    }
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

  static deserialize(data: SerializedTagger): Tagger {
    if (data.format !== 'corpus-lens/ner-hashed@1') throw new Error(`unknown NER model format ${String(data.format)}`);
    if (data.tags.join() !== TAGS.join()) throw new Error('NER model tags do not match this version');
    const hb = base64ToBytes(data.hashes);
    const hashes = new Int32Array(hb.buffer, hb.byteOffset, hb.byteLength / 4);
    const wb = base64ToBytes(data.weights);
    const q = new Int16Array(wb.buffer, wb.byteOffset, wb.byteLength / 2);
    return new Tagger(new HashedWeights(hashes, q, NUM_TAGS, data.scale), Gazetteer.fromJSON(data.gazetteer));
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
