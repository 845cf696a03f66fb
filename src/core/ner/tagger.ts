/** A greedy left-to-right entity tagger scored by a linear (averaged perceptron) model. */
import { documentContext, historyFeatures, sentenceFeatures, wordShape, type DocumentContext } from './features';
import { Gazetteer } from './gazetteer';

export const TAGS = ['O', 'B-PER', 'I-PER', 'B-ORG', 'I-ORG', 'B-LOC', 'I-LOC', 'B-MISC', 'I-MISC'] as const;
export const NUM_TAGS = TAGS.length;

/** IOB2: an I- tag may only continue a chunk of its own type. */
export function allowed(prev: string, tag: string): boolean {
  if (!tag.startsWith('I-')) return true;
  return prev !== 'O' && prev !== '<s>' && prev.slice(2) === tag.slice(2);
}

export interface SerializedTagger {
  format: 'corpus-lens/ner@1';
  tags: string[];
  features: string[];
  /** Int16 weights, `features.length × tags.length`, base64; real weight = value × scale. */
  weights: string;
  scale: number;
  gazetteer: Array<[string, string[]]>;
  trainedOn: string;
}

export class Tagger {
  constructor(
    private readonly featureIndex: Map<string, number>,
    private readonly weights: Float32Array | Float64Array,
    readonly gazetteer: Gazetteer | null,
  ) {}

  /** Tags every sentence of one document; the document gives context to all of them. */
  tagDocument(sentences: readonly (readonly string[])[], extra?: readonly (readonly (readonly string[])[])[]): string[][] {
    const doc = documentContext(sentences);
    return sentences.map((s, i) => this.tagSentence(s, doc, extra?.[i]));
  }

  tagSentence(words: readonly string[], doc: DocumentContext, extra?: readonly (readonly string[])[]): string[] {
    const feats = sentenceFeatures(words, doc, this.gazetteer);
    if (extra) feats.forEach((f, i) => f.push(...extra[i]));
    const tags: string[] = [];
    const scores = new Float64Array(NUM_TAGS);
    for (let i = 0; i < words.length; i++) {
      const prev1 = i > 0 ? tags[i - 1] : '<s>';
      const prev2 = i > 1 ? tags[i - 2] : '<s>';
      this.score(feats[i], historyFeatures(prev2, prev1, words[i].toLowerCase(), wordShape(words[i])), scores);
      tags.push(best(scores, prev1));
    }
    return tags;
  }

  score(staticFeatures: readonly string[], history: readonly string[], scores: Float64Array): void {
    scores.fill(0);
    const w = this.weights;
    for (const list of [staticFeatures, history]) {
      for (const f of list) {
        const id = this.featureIndex.get(f);
        if (id === undefined) continue;
        const base = id * NUM_TAGS;
        for (let c = 0; c < NUM_TAGS; c++) scores[c] += w[base + c];
      }
    }
  }

  serialize(trainedOn: string): SerializedTagger {
    const rows: Array<[string, number]> = [];
    let maxAbs = 0;
    for (const [f, id] of this.featureIndex) {
      let rowMax = 0;
      for (let c = 0; c < NUM_TAGS; c++) rowMax = Math.max(rowMax, Math.abs(this.weights[id * NUM_TAGS + c]));
      if (rowMax > 1e-6) rows.push([f, id]);
      maxAbs = Math.max(maxAbs, rowMax);
    }
    const scale = maxAbs / 32767 || 1;
    const q = new Int16Array(rows.length * NUM_TAGS);
    rows.forEach(([, id], r) => {
      for (let c = 0; c < NUM_TAGS; c++) q[r * NUM_TAGS + c] = Math.round(this.weights[id * NUM_TAGS + c] / scale);
    });
    // Rows whose weights all round to zero carry nothing.
    const keep = rows.map((_, r) => q.subarray(r * NUM_TAGS, (r + 1) * NUM_TAGS).some((v) => v !== 0));
    const features: string[] = [];
    const packed = new Int16Array(keep.filter(Boolean).length * NUM_TAGS);
    let k = 0;
    rows.forEach(([f], r) => {
      if (!keep[r]) return;
      features.push(f);
      packed.set(q.subarray(r * NUM_TAGS, (r + 1) * NUM_TAGS), k * NUM_TAGS);
      k++;
    });
    return {
      format: 'corpus-lens/ner@1',
      tags: [...TAGS],
      features,
      weights: bytesToBase64(new Uint8Array(packed.buffer)),
      scale,
      gazetteer: this.gazetteer?.toJSON() ?? [],
      trainedOn,
    };
  }

  static deserialize(data: SerializedTagger): Tagger {
    if (data.format !== 'corpus-lens/ner@1') throw new Error(`unknown NER model format ${String(data.format)}`);
    if (data.tags.join() !== TAGS.join()) throw new Error('NER model tags do not match this version');
    const bytes = base64ToBytes(data.weights);
    const q = new Int16Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 2);
    const weights = new Float32Array(q.length);
    for (let i = 0; i < q.length; i++) weights[i] = q[i] * data.scale;
    const index = new Map<string, number>();
    data.features.forEach((f, i) => index.set(f, i));
    return new Tagger(index, weights, Gazetteer.fromJSON(data.gazetteer));
  }
}

export function best(scores: Float64Array, prev: string): string {
  let bestTag = 'O';
  let bestScore = -Infinity;
  for (let c = 0; c < NUM_TAGS; c++) {
    if (!allowed(prev, TAGS[c])) continue;
    if (scores[c] > bestScore) {
      bestScore = scores[c];
      bestTag = TAGS[c];
    }
  }
  return bestTag;
}

function bytesToBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

function base64ToBytes(b64: string): Uint8Array {
  const s = atob(b64);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}
