/** Names seen as entities in training text, matched longest-first in new sentences. */
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

  /** Word classes and name lists from outside the training text (features, not rules). */
  lexicon: Lexicon | null = null;

  constructor(private readonly entries: Map<string, string[]>) {
    const partCounts = new Map<string, Map<string, number>>();
    for (const [name, types] of entries) {
      const words = name.split(' ');
      if (words.length <= MAX_LENGTH) this.insert(words, types);
      if (words.length < 2) continue;
      const t = types[0];
      for (const [w, role] of [[words[0], 'first'], [words[words.length - 1], 'last']] as const) {
        const m = partCounts.get(w) ?? new Map<string, number>();
        m.set(`${t}:${role}`, (m.get(`${t}:${role}`) ?? 0) + 1);
        partCounts.set(w, m);
      }
    }
    for (const [w, m] of partCounts) {
      const roles = [...m].filter(([, n]) => n >= 2).map(([r]) => r).sort();
      if (roles.length) this.parts.set(w, roles);
    }
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

  /** For each token, the gazetteer labels covering it, as "TYPE:B" or "TYPE:I". */
  match(lower: readonly string[]): string[][] {
    const out: string[][] = lower.map(() => []);
    for (let i = 0; i < lower.length; i++) {
      let node = this.trie.next?.get(lower[i]);
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
        out[i].push(`${t}:B${len === 1 ? 'U' : ''}`);
        for (let k = i + 1; k < i + len; k++) out[k].push(`${t}:I`);
      }
    }
    return out;
  }
}
