/** The quote matrix (each quote × article, with wording variants) and the entity matrix. */
import type { Quote } from '../quotes/quotes';
import { matchQuotes } from '../quotes/match';
import type { Resolution } from '../entities/resolve';
import type { EntityMention } from '../entities/mentions';
import { isTemporal } from '../vocabulary';

export interface QuoteRow {
  readonly speaker: string | null;
  /** Per article (in comparison order): how it renders the quote, or null if it does not carry it. */
  readonly variants: readonly (string | null)[];
  readonly relation: 'same' | 'similar' | 'single';
}

export function quoteMatrix(quotes: readonly (readonly Quote[])[]): QuoteRow[] {
  const refs = quotes.flatMap((qs, a) => qs.map((q, index) => ({ article: String(a), index, text: q.text, speaker: q.speaker?.name ?? null })));
  const parent = refs.map((_, i) => i);
  const find = (x: number): number => (parent[x] === x ? x : (parent[x] = find(parent[x])));
  const indexOf = new Map(refs.map((r, i) => [`${r.article}:${r.index}`, i]));
  const relation = new Map<number, 'same' | 'similar'>();
  for (const l of matchQuotes(refs)) {
    const a = find(indexOf.get(`${l.a.article}:${l.a.index}`)!);
    const b = find(indexOf.get(`${l.b.article}:${l.b.index}`)!);
    parent[Math.max(a, b)] = Math.min(a, b);
    const root = Math.min(a, b);
    relation.set(root, relation.get(root) === 'same' || l.relation === 'same' ? (relation.get(root) === 'similar' ? 'similar' : l.relation) : 'similar');
  }
  const groups = new Map<number, number[]>();
  refs.forEach((_, i) => {
    const group = groups.get(find(i));
    if (group) group.push(i);
    else groups.set(find(i), [i]);
  });
  const rows: QuoteRow[] = [];
  for (const [root, members] of groups) {
    const variants: (string | null)[] = quotes.map(() => null);
    for (const i of members) {
      const a = Number(refs[i].article);
      variants[a] = variants[a] ? `${variants[a]} … ${refs[i].text}` : refs[i].text;
    }
    const speaker = members.map((i) => refs[i].speaker).find((s) => s) ?? null;
    rows.push({ speaker, variants, relation: members.length > 1 ? (relation.get(root) ?? 'similar') : 'single' });
  }
  // Quotes carried by most articles first.
  return rows.sort((x, y) => y.variants.filter(Boolean).length - x.variants.filter(Boolean).length || (x.speaker ?? '').localeCompare(y.speaker ?? ''));
}

export interface EntityRow {
  readonly entityId: string;
  readonly name: string;
  readonly type: string;
  readonly counts: readonly number[];
}

export function entityMatrix(ids: readonly string[], mentions: readonly (readonly EntityMention[])[], resolution: Resolution): EntityRow[] {
  const rows = new Map<string, EntityRow & { counts: number[] }>();
  ids.forEach((id, a) =>
    mentions[a].forEach((m, i) => {
      if (isTemporal(m.type)) return;
      const e = resolution.entityFor(id, i);
      if (!e) return;
      const row = rows.get(e.id) ?? { entityId: e.id, name: e.canonical, type: e.type, counts: ids.map(() => 0) };
      row.counts[a]++;
      rows.set(e.id, row);
    }),
  );
  return [...rows.values()].sort((x, y) => y.counts.filter(Boolean).length - x.counts.filter(Boolean).length || y.counts.reduce((s, n) => s + n, 0) - x.counts.reduce((s, n) => s + n, 0) || x.name.localeCompare(y.name));
}
