/**
 * Resolution across the corpus: every mention of one referent gets one entity, with a
 * canonical name and its aliases ("Xi", "Mr Xi", "Xi Jinping"; "Thaad", "THAAD",
 * "Terminal High Altitude Area Defense (THAAD)"; "U.S.", "United States").
 */
import type { EntityMention, EntityType } from './mentions';
import { isTemporal, type EntitySubtype } from '../vocabulary';
import { dayName } from '../dates';

export interface ArticleMentions {
  /** The article's id (URI or path), used to order results independently of input order. */
  readonly article: string;
  readonly text: string;
  readonly mentions: readonly EntityMention[];
}

export interface MentionRef {
  readonly article: string;
  readonly index: number;
}

export interface ResolvedEntity {
  readonly id: string;
  readonly type: EntityType;
  readonly subtype?: EntitySubtype;
  readonly canonical: string;
  /** Every distinct surface form, canonical first. */
  readonly aliases: readonly string[];
  readonly mentions: readonly MentionRef[];
}

/** Place and organisation: the two types one name takes by context (see resolvedType). */
const METONYMS = new Set(['LOC', 'ORG']);

/**
 * The type a mention is shown and exported with: its entity's, agreed across the corpus, so
 * one referent has one type (the mention's own when it resolves to no entity). Except between
 * place and organisation: a city is a club in a results table and a place in the story beside
 * it ("CHICAGO 74 58", "in Chicago"), a country its government or its team. That is context,
 * which the tagger read (and made consistent within the article), not a slip the rest of the
 * corpus can correct: a mention the tagger recognised itself (margin > 0) keeps its place or
 * organisation type when its entity has the other one. On CoNLL testa written as a corpus the
 * vote turned 14 such mentions right and 103 wrong (at every margin of the tagger).
 */
export function resolvedType<T extends string>(mention: { readonly type: T; readonly margin?: number }, entity: { readonly type: T } | undefined): T {
  if (!entity) return mention.type;
  if (METONYMS.has(mention.type) && METONYMS.has(entity.type) && mention.margin !== undefined && mention.margin > 0) return mention.type;
  return entity.type;
}

export interface Resolution {
  readonly entities: readonly ResolvedEntity[];
  /** The entity of one mention (by its index in that article's mention list). */
  entityFor(article: string, index: number): ResolvedEntity | undefined;
  byId(id: string): ResolvedEntity | undefined;
}

/** Well-known short forms with no expansion nearby in the text. */
const KNOWN_ALIASES: Record<string, string> = {
  'u.s.': 'united states',
  us: 'united states',
  usa: 'united states',
  'u.s.a.': 'united states',
  america: 'united states',
  'u.k.': 'united kingdom',
  uk: 'united kingdom',
  britain: 'united kingdom',
  'great britain': 'united kingdom',
  'u.n.': 'united nations',
  un: 'united nations',
  eu: 'european union',
  'e.u.': 'european union',
  dprk: 'north korea',
  prc: 'china',
  "people's republic of china": 'china',
  'republic of korea': 'south korea',
  rok: 'south korea',
};

/** Words that may trail an organisation's name without making it another one. */
const ORG_TAILS = new Set(['news agency', 'agency', 'news', 'inc', 'inc.', 'corp', 'corp.', 'co', 'co.', 'ltd', 'ltd.', 'group', 'company', 'corporation', 'plc', 'llc', 'party']);

/** Every shorter name an organisation's key leaves when generic tails are taken off its end. */
function orgHeads(key: string): string[] {
  const heads: string[] = [];
  const pending = [key];
  while (pending.length) {
    const name = pending.pop()!;
    for (const tail of ORG_TAILS) {
      if (!name.endsWith(' ' + tail)) continue;
      const head = name.slice(0, -tail.length - 1).replace(/,$/, '');
      if (!head || heads.includes(head)) continue;
      heads.push(head);
      pending.push(head);
    }
  }
  return heads;
}

const TITLE_WORDS = /^(?:(?:mr|mrs|ms|dr|prof|sir|president|premier|minister|chancellor|senator|sen|gov|governor|general|gen|king|queen|prince|pope|chairman|secretary)\.?\s+)+/i;

/** Case, hyphen, title and possessive variants of a name fold to one key. */
export function nameKey(surface: string): string {
  return surface
    .replace(/['’]s$/i, '')
    .replace(TITLE_WORDS, '')
    .toLowerCase()
    .replace(/[-‐–]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function acronymOf(words: readonly string[]): string {
  return words
    .filter((w) => /^\p{Lu}/u.test(w))
    .map((w) => w[0])
    .join('')
    .toLowerCase();
}

class UnionFind {
  private readonly parent: number[] = [];
  add(): number {
    this.parent.push(this.parent.length);
    return this.parent.length - 1;
  }
  find(x: number): number {
    while (this.parent[x] !== x) {
      this.parent[x] = this.parent[this.parent[x]];
      x = this.parent[x];
    }
    return x;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
}

interface Node {
  article: string;
  index: number;
  mention: EntityMention;
  key: string;
}

export function resolveEntities(input: readonly ArticleMentions[]): Resolution {
  const articles = [...input].sort((a, b) => (a.article < b.article ? -1 : a.article > b.article ? 1 : 0));
  const nodes: Node[] = [];
  const uf = new UnionFind();
  for (const a of articles) {
    a.mentions.forEach((mention, index) => {
      // A date resolved to a day is the same day everywhere; "Friday" alone only within its article.
      const temporal = isTemporal(mention.type);
      const key = !temporal ? nameKey(mention.name ?? mention.text) : mention.value ? `${mention.type}:${mention.value}` : `${mention.type}:${a.article}:${mention.text.toLowerCase()}`;
      nodes.push({ article: a.article, index, mention, key });
      uf.add();
    });
  }
  const named = nodes.map((n, i) => [n, i] as const).filter(([n]) => !isTemporal(n.mention.type));

  // Full person names by their first and last words, for lone names that may be one of them.
  //    Indexed once per distinct key, so a surname written 75,000 times costs 75,000 lookups.
  const partIndex = new Map<string, Map<string, { node: number; articles: Set<string> }>>();
  for (const [n, i] of named) {
    if (n.mention.type !== 'PER' || !n.key.includes(' ')) continue;
    const words = n.key.split(' ');
    for (const part of new Set([words[0], words[words.length - 1]])) {
      const byFullName = partIndex.get(part) ?? new Map<string, { node: number; articles: Set<string> }>();
      const entry = byFullName.get(n.key);
      if (entry) entry.articles.add(n.article);
      else byFullName.set(n.key, { node: i, articles: new Set([n.article]) });
      partIndex.set(part, byFullName);
    }
  }

  // 1. Same key (case, hyphens, titles, possessives folded), or a known short form. A lone
  //    word that is part of some full name ("Moon", "Read") is one referent only within its
  //    article until step 4 finds it evidence: the string alone does not tie a supermoon
  //    story to Moon Jae-in.
  const byKey = new Map<string, number>();
  const keyOf = (n: Node) => KNOWN_ALIASES[n.key] ?? n.key;
  const loneKey = (n: Node) => `name:${keyOf(n)}@${n.article}`;
  nodes.forEach((n, i) => {
    const temporal = isTemporal(n.mention.type);
    const k = temporal ? n.key : partIndex.has(n.key) && !n.key.includes(' ') ? loneKey(n) : `name:${keyOf(n)}`;
    const first = byKey.get(k);
    if (first === undefined) byKey.set(k, i);
    else uf.union(first, i);
  });

  // 2. Acronyms written out nearby: "Terminal High Altitude Area Defense (THAAD)".
  for (const a of articles) {
    for (const m of a.text.matchAll(/((?:\p{Lu}[\p{L}-]*\s+){1,7}?(?:(?:of|and|for|the)\s+)?(?:\p{Lu}[\p{L}-]*\s+){0,7}\p{Lu}[\p{L}-]*)\s*\((\p{Lu}[\p{L}.]{1,9})\)/gu)) {
      const acronym = m[2].replace(/\./g, '').toLowerCase();
      const words = m[1].split(/\s+/);
      for (let from = 0; from < words.length; from++) {
        const tail = words.slice(from);
        if (acronymOf(tail) !== acronym) continue;
        const expansion = nameKey(tail.join(' '));
        const e = byKey.get(`name:${expansion}`);
        const s = byKey.get(`name:${acronym}`);
        if (e !== undefined && s !== undefined) uf.union(e, s);
        break;
      }
    }
  }

  // 3. Organisations with generic tails, one or several: "Xinhua" ~ "Xinhua News Agency",
  //    "Goldman Sachs" ~ "Goldman Sachs Group Inc." (a legal form after a group word).
  const orgKeys = new Map<string, number>();
  for (const [n, i] of named) if (n.mention.type === 'ORG') orgKeys.set(keyOf(n), i);
  for (const [key, i] of orgKeys) {
    for (const head of orgHeads(key)) {
      const h = orgKeys.get(head);
      if (h !== undefined) uf.union(h, i);
    }
  }

  // 4. A lone word joins the full name it is part of ("Xi" → "Xi Jinping") only on evidence:
  //    that full name, and no other one, in the same article. A common word ("One", "Police",
  //    "Black") and an organisation's name ("Google" beside "Google Glass") never do. Lone
  //    words without such evidence are one referent across the corpus, apart from any full name.
  for (const [n, i] of named) {
    if (n.key.includes(' ') || !partIndex.has(n.key)) continue;
    const byFullName = partIndex.get(n.key)!;
    const eligible = !n.mention.common && (n.mention.type === 'PER' || n.mention.type === 'MISC');
    const local = eligible ? [...byFullName.values()].filter((c) => c.articles.has(n.article)) : [];
    const roots = new Set(local.map((c) => uf.find(c.node)));
    if (roots.size === 1) uf.union(local[0].node, i);
    else {
      const k = `name:${keyOf(n)}`;
      const first = byKey.get(k);
      if (first === undefined) byKey.set(k, i);
      else uf.union(first, i);
    }
  }

  // Build entities.
  const groups = new Map<number, number[]>();
  nodes.forEach((_, i) => {
    const r = uf.find(i);
    const g = groups.get(r) ?? [];
    g.push(i);
    groups.set(r, g);
  });
  const entities: ResolvedEntity[] = [];
  // Per article, per mention index: its entity id (arrays, not "article\0index" strings).
  const idOf = new Map<string, string[]>();
  const usedIds = new Set<string>();
  for (const members of groups.values()) {
    const ms = members.map((i) => nodes[i]);
    const type = voteType(ms.map((n) => n.mention));
    // A name the user gave wins; otherwise the fullest common form.
    // A day is named by its date: its mentions ("now", "Tuesday", "Dec. 26") say it only relative to their article.
    const day = isTemporal(type) ? ms[0].mention.value : undefined;
    const canonical = ms.find((n) => n.mention.name)?.mention.name ?? (day ? dayName(day) : canonicalName(ms.map((n) => n.mention.text), type));
    const subtype = ms.some((n) => n.mention.subtype === 'NORP') && type === 'MISC' ? 'NORP' : undefined;
    let id = `${type}:${slug(canonical)}`;
    for (let k = 2; usedIds.has(id); k++) id = `${type}:${slug(canonical)}-${k}`;
    usedIds.add(id);
    const forms = new Map<string, number>();
    for (const n of ms) {
      const form = n.mention.text.replace(/\s+/g, ' ');
      forms.set(form, (forms.get(form) ?? 0) + 1);
    }
    const aliases = [canonical, ...[...forms.keys()].filter((f) => f !== canonical).sort((a, b) => forms.get(b)! - forms.get(a)! || a.localeCompare(b))];
    entities.push({ id, type, ...(subtype ? { subtype } : {}), canonical, aliases, mentions: ms.map((n) => ({ article: n.article, index: n.index })) });
    for (const n of ms) {
      let ids = idOf.get(n.article);
      if (!ids) idOf.set(n.article, (ids = []));
      ids[n.index] = id;
    }
  }
  entities.sort((a, b) => b.mentions.length - a.mentions.length || a.id.localeCompare(b.id));
  const byIdMap = new Map(entities.map((e) => [e.id, e]));
  return {
    entities,
    entityFor: (article, index) => byIdMap.get(idOf.get(article)?.[index] ?? ''),
    byId: (id) => byIdMap.get(id),
  };
}

const VOTE_MARGIN_CAP = 4;

/** Each mention votes its type, by the tagger's confidence; a known type of the name (training data, place list) adds ¾ of a vote a mention. */
function voteType(mentions: readonly EntityMention[]): EntityType {
  const votes = new Map<EntityType, number>();
  for (const m of mentions) {
    // A confident tag counts up to three times a copied or overridden one (margin 0).
    const weight = m.margin === undefined ? 1.5 : 0.5 + Math.min(m.margin, VOTE_MARGIN_CAP) / VOTE_MARGIN_CAP;
    votes.set(m.type, (votes.get(m.type) ?? 0) + weight);
    if (m.prior) votes.set(m.prior, (votes.get(m.prior) ?? 0) + 0.75);
  }
  return [...votes].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0][0];
}

/**
 * The fullest common form: for people the most frequent multi-word name; for acronyms
 * written out, the expansion; otherwise the most frequent form, longer on ties.
 */
function canonicalName(forms: readonly string[], type: EntityType): string {
  const cleaned = forms.map((f) => f.replace(/\s+/g, ' ').replace(/['’]s$/i, '').replace(TITLE_WORDS, '').trim() || f);
  const counts = new Map<string, number>();
  for (const f of cleaned) counts.set(f, (counts.get(f) ?? 0) + 1);
  const ranked = [...counts].sort((a, b) => {
    const wa = a[0].split(/\s+/).length > 1 ? 1 : 0;
    const wb = b[0].split(/\s+/).length > 1 ? 1 : 0;
    if (type !== 'DATE' && type !== 'TIME' && wa !== wb) return wb - wa;
    return b[1] - a[1] || b[0].length - a[0].length || (a[0] < b[0] ? -1 : 1);
  });
  return ranked[0][0];
}

function slug(s: string): string {
  return s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '') || 'x';
}
