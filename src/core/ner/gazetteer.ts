/** Names seen as entities in training text, matched longest-first in new sentences. */
import { hashString } from './hashing';
import type { Lexicon } from './lexicon';

const MAX_LENGTH = 6;

interface TrieNode {
  next?: Map<string, TrieNode>;
  types?: string[];
}

export class Gazetteer {
  /** Lower-cased, space-joined name → entity types it was tagged with (most frequent first). */
  /** The names as a word trie, so matching never joins strings. */
  private readonly trie: TrieNode = { next: new Map() };

  /** Single words by the part of names they usually are: "PER:first" (John), "ORG:last" (Inc). */
  private readonly parts = new Map<string, string[]>();

  /** hashString of every word a name starts with (0 stored as 1), open addressing: most tokens are passed by it. */
  private readonly firstWords: Int32Array;

  /** Word classes and name lists from outside the training text (features, not rules). */
  lexicon: Lexicon | null = null;

  constructor(private readonly entries: Map<string, string[]>) {
    // Counts of "TYPE:first" / "TYPE:last" per word; the role strings are made once per type.
    const partCounts = new Map<string, Map<string, number>>();
    const roleNames = new Map<string, readonly [string, string]>();
    for (const [name, types] of entries) {
      const words = name.split(' ');
      if (words.length <= MAX_LENGTH) this.insert(words, types);
      if (words.length < 2) continue;
      const t = types[0];
      let roles = roleNames.get(t);
      if (!roles) roleNames.set(t, (roles = [`${t}:first`, `${t}:last`]));
      this.countPart(partCounts, words[0], roles[0]);
      this.countPart(partCounts, words[words.length - 1], roles[1]);
    }
    this.firstWords = new Int32Array(tableSize(this.trie.next?.size ?? 0));
    for (const w of this.trie.next?.keys() ?? []) {
      const key = hashString(w) || 1;
      const mask = this.firstWords.length - 1;
      let slot = key & mask;
      while (this.firstWords[slot] !== 0 && this.firstWords[slot] !== key) slot = (slot + 1) & mask;
      this.firstWords[slot] = key;
    }
    for (const [w, m] of partCounts) {
      const roles: string[] = [];
      for (const [r, n] of m) if (n >= 2) roles.push(r);
      if (roles.length) this.parts.set(w, roles.sort());
    }
  }

  private countPart(counts: Map<string, Map<string, number>>, word: string, role: string): void {
    let m = counts.get(word);
    if (!m) counts.set(word, (m = new Map()));
    m.set(role, (m.get(role) ?? 0) + 1);
  }

  private insert(words: readonly string[], types: string[]): void {
    let node = this.trie;
    for (const w of words) {
      node.next ??= new Map();
      let child = node.next.get(w);
      if (!child) {
        child = {};
        node.next.set(w, child);
      }
      node = child;
    }
    node.types = types;
  }

  typesOf(lowerName: string): readonly string[] | undefined {
    return this.entries.get(lowerName);
  }

  /** The name-part roles of one lower-cased word. */
  partsOf(lower: string): readonly string[] {
    return this.parts.get(lower) ?? [];
  }

  static fromCounts(counts: Map<string, Map<string, number>>, minShare = 0.25): Gazetteer {
    const entries = new Map<string, string[]>();
    for (const [name, byType] of counts) {
      const total = [...byType.values()].reduce((a, b) => a + b, 0);
      const types = [...byType].filter(([, n]) => n / total >= minShare).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
      if (types.length) entries.set(name, types.map(([t]) => t));
    }
    return new Gazetteer(entries);
  }

  get size(): number {
    return this.entries.size;
  }

  toJSON(): Array<[string, string[]]> {
    return [...this.entries];
  }

  static fromJSON(data: Array<[string, string[]]>): Gazetteer {
    return new Gazetteer(new Map(data));
  }

  /** For each token, the gazetteer labels covering it, as "TYPE:B" or "TYPE:I"; undefined for none (most tokens). */
  match(lower: readonly string[], lowerHashes?: ArrayLike<number>): (string[] | undefined)[] {
    const out: (string[] | undefined)[] = new Array(lower.length);
    const root = this.trie.next;
    if (!root) return out;
    const firstWords = this.firstWords;
    const mask = firstWords.length - 1;
    for (let i = 0; i < lower.length; i++) {
      if (lowerHashes) {
        const key = lowerHashes[i] || 1;
        let slot = key & mask;
        while (firstWords[slot] !== 0 && firstWords[slot] !== key) slot = (slot + 1) & mask;
        if (firstWords[slot] === 0) continue;
      }
      let node = root.get(lower[i]);
      if (!node) continue;
      let types: string[] | undefined;
      let len = 0;
      for (let k = i; node; ) {
        if (node.types) {
          types = node.types;
          len = k - i + 1;
        }
        if (++k >= lower.length) break;
        node = node.next?.get(lower[k]);
      }
      if (!types) continue;
      for (const t of types) {
        const labels = matchLabels(t);
        (out[i] ??= []).push(len === 1 ? labels[1] : labels[0]);
        for (let k = i + 1; k < i + len; k++) (out[k] ??= []).push(labels[2]);
      }
    }
    return out;
  }
}

const labelsByType = new Map<string, readonly [string, string, string]>();
/** A type's match labels ("TYPE:B", "TYPE:BU", "TYPE:I"), made once per type. */
function matchLabels(type: string): readonly [string, string, string] {
  let labels = labelsByType.get(type);
  if (!labels) labelsByType.set(type, (labels = [`${type}:B`, `${type}:BU`, `${type}:I`]));
  return labels;
}

/** A power of two at least twice `n` (and 16). */
function tableSize(n: number): number {
  let size = 16;
  while (size < n * 2) size <<= 1;
  return size;
}
