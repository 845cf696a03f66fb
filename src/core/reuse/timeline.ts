/**
 * The Provenance view's model: a set of articles (an event's) on a timeline — outlets as
 * rows, days as columns (undated articles in a column of their own), an arrow from each
 * source to each copy weighted by the share of the copy's body it took, and the first
 * carrier of each quote the articles share. Everything the page shows, words included, is
 * computed here; the page only lays it out. Orders that rest on a missing date are unknown:
 * such a link is drawn without an arrowhead, never guessed.
 */
import { dateSpan } from '../events/corpusEvents';
import type { ReuseKind } from './align';
import type { ArticleProvenance } from './provenance';

export interface TimelineArticle {
  readonly id: string;
  /** Short name (the file name without its extension). */
  readonly label: string;
  readonly title: string | null;
  readonly outlet: string | null;
  readonly date: string | null;
}

export interface TimelineRow {
  readonly key: string;
  readonly label: string;
}

export interface TimelineColumn {
  readonly label: string;
  /** ISO day, or null for the undated column (always last). */
  readonly date: string | null;
}

export interface TimelineNode {
  readonly id: string;
  readonly label: string;
  readonly title: string | null;
  readonly outlet: string | null;
  readonly date: string | null;
  readonly row: number;
  readonly column: number;
  /** Position among the articles of the same outlet and day. */
  readonly slot: number;
  /** Share of the body in no earlier article, or null when an order it rests on is unknown. */
  readonly originalShare: number | null;
  readonly sharedShare: number;
  /** Quotes of the view this article carried first. */
  readonly firstQuotes: number;
  /** Articles outside the view it shares passages with. */
  readonly outside: number;
  /** "23 % original", "77 % shared, order unknown", "all its own". */
  readonly shareLabel: string;
  /** One sentence a screen reader can read for the article. */
  readonly summary: string;
}

export interface TimelineEdge {
  /** Node indices: the source and its copy (or, when undirected, the two in id order). */
  readonly from: number;
  readonly to: number;
  /** Whether the order is known from the dates. */
  readonly directed: boolean;
  /** Share of the copy's body found in the source (undirected: the larger of the two sides' shares). */
  readonly share: number;
  readonly passages: number;
  readonly words: number;
  /** Kind of the longest passage. */
  readonly kind: ReuseKind;
  /** Word-weighted similarity of the passages. */
  readonly similarity: number;
  readonly summary: string;
}

export interface TimelineQuote {
  readonly text: string;
  readonly carriers: readonly number[];
  /** Node index of the first carrier, or null when unknown or outside the view. */
  readonly first: number | null;
  /** "first: 001 (19 May 2017)", "first: unknown", "first: x (outside this event)". */
  readonly firstLabel: string;
}

export interface ProvenanceTimeline {
  readonly rows: readonly TimelineRow[];
  readonly columns: readonly TimelineColumn[];
  readonly nodes: readonly TimelineNode[];
  readonly edges: readonly TimelineEdge[];
  readonly quotes: readonly TimelineQuote[];
  readonly summary: string;
}

type Span = { start: number; end: number };

const pct = (x: number) => `${Math.round(x * 100)} %`;
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function dayLabel(date: string | null): string {
  return date ? (dateSpan(date, date) ?? date) : 'date unknown';
}

function unionLength(spans: readonly Span[]): number {
  const sorted = spans.slice().sort((a, b) => a.start - b.start);
  let total = 0;
  let end = -1;
  let start = -1;
  for (const s of sorted) {
    if (s.start > end) {
      if (end > start) total += end - start;
      start = s.start;
      end = s.end;
    } else end = Math.max(end, s.end);
  }
  if (end > start) total += end - start;
  return total;
}

/** An article's share in words: known original share, or what it shares when an order is unknown. */
export function shareLabel(p: Pick<ArticleProvenance, 'originalShare' | 'sharedShare' | 'passages'>): string {
  if (p.passages.length === 0) return 'all its own';
  if (p.passages.some((x) => x.earlier === null)) return `${pct(p.sharedShare)} shared, order unknown`;
  return `${pct(p.originalShare)} original`;
}

/** Whether the original share is known: every shared passage has a known order. */
export function originalShareKnown(p: Pick<ArticleProvenance, 'passages'>): boolean {
  return p.passages.every((x) => x.earlier !== null);
}

export function provenanceTimeline(articles: readonly TimelineArticle[], provenanceOf: (id: string) => ArticleProvenance | undefined): ProvenanceTimeline {
  const list = [...new Map(articles.map((a) => [a.id, a])).values()];
  const indexOf = new Map(list.map((a, i) => [a.id, i]));
  const prov = list.map((a) => provenanceOf(a.id));

  // Rows: one per outlet, earliest first; an article without an outlet has a row of its own.
  const rowKey = (a: TimelineArticle) => (a.outlet ? `outlet:${a.outlet.toLowerCase()}` : `article:${a.id}`);
  const rowFirst = new Map<string, { label: string; date: string; id: string }>();
  for (const a of list) {
    const key = rowKey(a);
    const date = a.date ?? '9999-99-99';
    const seen = rowFirst.get(key);
    if (!seen || date < seen.date || (date === seen.date && a.id < seen.id)) rowFirst.set(key, { label: a.outlet ?? `${a.label} (outlet unknown)`, date: seen && seen.date < date ? seen.date : date, id: a.id });
  }
  const rows = [...rowFirst].sort((x, y) => (x[1].date < y[1].date ? -1 : x[1].date > y[1].date ? 1 : x[1].label.localeCompare(y[1].label))).map(([key, v]) => ({ key, label: v.label }));
  const rowIndex = new Map(rows.map((r, i) => [r.key, i]));

  const days = [...new Set(list.map((a) => a.date).filter((d): d is string => !!d))].sort();
  const columns: TimelineColumn[] = days.map((d) => ({ label: dayLabel(d), date: d }));
  if (list.some((a) => !a.date)) columns.push({ label: 'undated', date: null });
  const columnOf = (a: TimelineArticle) => (a.date ? days.indexOf(a.date) : columns.length - 1);

  // Edges: per pair of articles in the view, the passages they share.
  const edges: TimelineEdge[] = [];
  const outside = list.map(() => new Set<string>());
  for (let i = 0; i < list.length; i++) {
    const p = prov[i];
    if (!p) continue;
    const byOther = new Map<number, typeof p.passages[number][]>();
    for (const x of p.passages) {
      const j = indexOf.get(x.other.file);
      if (j === undefined) outside[i].add(x.other.file);
      else if (j !== i) byOther.set(j, [...(byOther.get(j) ?? []), x]);
    }
    for (const [j, passages] of byOther) {
      const earlier = passages[0].earlier;
      const shareHere = Math.min(1, p.bodyChars ? unionLength(passages) / p.bodyChars : 0);
      const other = prov[j];
      const back = other?.passages.filter((x) => x.other.file === list[i].id) ?? [];
      const shareThere = Math.min(1, other?.bodyChars ? unionLength(back) / other.bodyChars : 0);
      const longest = passages.reduce((m, x) => (x.words > m.words ? x : m), passages[0]);
      const words = passages.reduce((n, x) => n + x.words, 0);
      const similarity = Math.round((passages.reduce((n, x) => n + x.similarity * x.words, 0) / Math.max(1, words)) * 100) / 100;
      const common = { passages: passages.length, words, kind: longest.kind, similarity };
      if (earlier === 'other') {
        // Drawn once, from the copy's side: j is the source of i.
        edges.push({ from: j, to: i, directed: true, share: round(shareHere), ...common, summary: '' });
      } else if (earlier === null && i < j) {
        edges.push({ from: i, to: j, directed: false, share: round(Math.max(shareHere, shareThere)), ...common, summary: '' });
      }
    }
  }

  const labelOf = (i: number) => `${list[i].label} (${list[i].outlet ?? 'outlet unknown'})`;
  const finished = edges
    .sort((x, y) => x.from - y.from || x.to - y.to)
    .map((e) => ({
      ...e,
      summary: e.directed
        ? `${labelOf(e.to)} took ${pct(e.share)} of its text from ${labelOf(e.from)}: ${plural(e.passages, 'passage')}, ${e.kind}, ${pct(e.similarity)} alike`
        : `${labelOf(e.from)} and ${labelOf(e.to)} share ${plural(e.passages, 'passage')} (${pct(e.share)}), ${e.kind}, ${pct(e.similarity)} alike; which came first is unknown`,
    }));

  // Quotes several articles of the view carry, each once, with its first carrier.
  const quotes: TimelineQuote[] = [];
  const seenQuote = new Set<string>();
  list.forEach((a, i) => {
    for (const q of prov[i]?.quotes ?? []) {
      const carriers = q.carriers.map((c) => indexOf.get(c)).filter((c): c is number => c !== undefined);
      if (carriers.length < 2) continue;
      const representative = q.first && indexOf.has(q.first.file) ? indexOf.get(q.first.file)! : Math.min(...carriers);
      if (representative !== i) continue;
      const key = `${q.carriers.join('\n')}\u0000${q.text}`;
      if (seenQuote.has(key)) continue;
      seenQuote.add(key);
      const first = q.first ? (indexOf.get(q.first.file) ?? null) : null;
      const firstLabel = !q.first ? 'first: unknown' : first === null ? `first: ${q.first.file} (outside this view, ${dayLabel(q.first.date)})` : `first: ${list[first].label} (${dayLabel(q.first.date)})`;
      quotes.push({ text: q.text, carriers: carriers.sort((x, y) => x - y), first, firstLabel });
    }
  });

  const slotCount = new Map<string, number>();
  const nodes: TimelineNode[] = list.map((a, i) => {
    const p = prov[i];
    const row = rowIndex.get(rowKey(a))!;
    const column = columnOf(a);
    const cell = `${row}:${column}`;
    const slot = slotCount.get(cell) ?? 0;
    slotCount.set(cell, slot + 1);
    const firstQuotes = quotes.filter((q) => q.first === i).length;
    const share = p ? shareLabel(p) : 'not analysed';
    const known = p ? originalShareKnown(p) : false;
    const sources = finished.filter((e) => e.to === i && e.directed).map((e) => `${pct(e.share)} from ${list[e.from].label}`);
    const unordered = finished.filter((e) => !e.directed && (e.from === i || e.to === i)).map((e) => list[e.from === i ? e.to : e.from].label);
    const parts = [
      `${a.label}, ${a.outlet ?? 'outlet unknown'}, ${dayLabel(a.date)}: ${share}`,
      sources.length ? `copied ${sources.join(', ')}` : null,
      unordered.length ? `shares text with ${unordered.join(', ')} (order unknown)` : null,
      firstQuotes ? `first carrier of ${plural(firstQuotes, 'shared quote')}` : null,
      outside[i].size ? `shares text with ${plural(outside[i].size, 'article')} outside this view` : null,
    ].filter(Boolean);
    return {
      id: a.id,
      label: a.label,
      title: a.title,
      outlet: a.outlet,
      date: a.date,
      row,
      column,
      slot,
      originalShare: p && known ? p.originalShare : null,
      sharedShare: p?.sharedShare ?? 0,
      firstQuotes,
      outside: outside[i].size,
      shareLabel: share,
      summary: parts.join('; ') + '.',
    };
  });

  const dated = list.filter((a) => a.date).length;
  const summary = `${plural(list.length, 'article')} from ${plural(rows.length, 'outlet')}, ${dated} dated; ${plural(finished.length, 'link')} of shared text (${finished.filter((e) => e.directed).length} with a known direction); ${plural(quotes.length, 'quote')} carried by several.`;
  return { rows, columns, nodes, edges: finished, quotes, summary };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
