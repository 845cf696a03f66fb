/**
 * Where each article's text came from: its original share (body characters found in no
 * earlier article), for each passage it shares the earliest article the passage traces
 * to through chains of copies, and for each quote carried by several articles the first
 * article by date that carried it. Dates are the article model's; an order that rests on
 * a missing date is "unknown" (null), never guessed.
 */
import { matchQuotes, type QuoteRef } from '../quotes/match';
import type { ReuseKind } from './align';
import type { ReusePair } from './corpusReuse';

export interface ProvenanceArticle {
  readonly id: string;
  readonly date: string | null;
  /** Body paragraph spans. */
  readonly body: ReadonlyArray<{ readonly start: number; readonly end: number }>;
  readonly quotes?: ReadonlyArray<{ readonly start: number; readonly end: number; readonly text: string }>;
}

export interface Dated {
  readonly file: string;
  readonly date: string;
}

export interface SharedPassage {
  readonly start: number;
  readonly end: number;
  readonly other: { readonly file: string; readonly start: number; readonly end: number; readonly date: string | null };
  readonly kind: ReuseKind;
  readonly similarity: number;
  readonly words: number;
  /** Whether the other article is earlier ('other'), later ('this') or that is unknown. */
  readonly earlier: 'this' | 'other' | null;
  /** The first article this passage traces to (itself included), or null when dates leave it open. */
  readonly earliest: Dated | null;
  /** Every article the passage reaches through chains of copies. */
  readonly chain: readonly string[];
}

export interface QuoteCarrier {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** Articles carrying the same quote. */
  readonly carriers: readonly string[];
  readonly first: Dated | null;
}

export interface ArticleProvenance {
  readonly file: string;
  readonly date: string | null;
  readonly bodyChars: number;
  /** Share of body characters in no earlier article. */
  readonly originalShare: number;
  /** Share of body characters shared with any other article, earlier or not. */
  readonly sharedShare: number;
  readonly passages: readonly SharedPassage[];
  readonly quotes: readonly QuoteCarrier[];
}

type Span = { start: number; end: number };

function coveredChars(body: readonly Span[], spans: readonly Span[]): number {
  const sorted = spans.slice().sort((a, b) => a.start - b.start);
  const merged: Span[] = [];
  for (const s of sorted) {
    const last = merged[merged.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else merged.push({ ...s });
  }
  let n = 0;
  for (const p of body) for (const m of merged) n += Math.max(0, Math.min(p.end, m.end) - Math.max(p.start, m.start));
  return n;
}

function overlapShare(a: Span, b: Span): number {
  const common = Math.min(a.end, b.end) - Math.max(a.start, b.start);
  return common <= 0 ? 0 : common / Math.min(a.end - a.start, b.end - b.start);
}

/** The single earliest dated article of a set, or null when a date is missing or the first day is shared. */
export function earliestOf(files: Iterable<string>, dateOf: (file: string) => string | null): Dated | null {
  let best: Dated | null = null;
  let tie = false;
  for (const file of files) {
    const date = dateOf(file);
    if (!date) return null;
    if (!best || date < best.date) {
      best = { file, date };
      tie = false;
    } else if (date === best.date) tie = true;
  }
  return tie ? null : best;
}

interface Side {
  readonly file: string;
  readonly span: Span;
  readonly other: { file: string; span: Span };
  readonly pair: ReusePair;
}

export function buildProvenance(articles: readonly ProvenanceArticle[], pairs: readonly ReusePair[]): ArticleProvenance[] {
  const dates = new Map(articles.map((a) => [a.id, a.date]));
  const dateOf = (f: string) => dates.get(f) ?? null;
  const sides = new Map<string, Side[]>();
  const add = (s: Side) => {
    const list = sides.get(s.file);
    if (list) list.push(s);
    else sides.set(s.file, [s]);
  };
  for (const p of pairs) {
    add({ file: p.a.file, span: p.a, other: { file: p.b.file, span: p.b }, pair: p });
    add({ file: p.b.file, span: p.b, other: { file: p.a.file, span: p.a }, pair: p });
  }

  /** Articles a passage reaches: follow each copy's passages that overlap the part copied. */
  const chainOf = (file: string, span: Span): string[] => {
    const seen = new Set<string>([file]);
    const queue: Array<{ file: string; span: Span }> = [{ file, span }];
    const visited = new Set<string>();
    while (queue.length) {
      const at = queue.shift()!;
      const key = `${at.file}:${at.span.start}:${at.span.end}`;
      if (visited.has(key)) continue;
      visited.add(key);
      for (const s of sides.get(at.file) ?? []) {
        if (overlapShare(s.span, at.span) < 0.5) continue;
        seen.add(s.other.file);
        queue.push(s.other);
      }
    }
    return [...seen].sort();
  };

  const quoteCarriers = quoteClusters(articles, dateOf);

  return articles.map((a) => {
    const mine = sides.get(a.id) ?? [];
    const bodyChars = a.body.reduce((n, p) => n + (p.end - p.start), 0);
    const fromEarlier = mine.filter((s) => {
      const o = dateOf(s.other.file);
      return !!a.date && !!o && o < a.date;
    });
    const share = (spans: readonly Span[]) => (bodyChars ? coveredChars(a.body, spans) / bodyChars : 0);
    const passages: SharedPassage[] = mine
      .map((s) => {
        const otherDate = dateOf(s.other.file);
        const chain = chainOf(a.id, s.span);
        return {
          start: s.span.start,
          end: s.span.end,
          other: { file: s.other.file, start: s.other.span.start, end: s.other.span.end, date: otherDate },
          kind: s.pair.kind,
          similarity: s.pair.similarity,
          words: s.pair.words,
          earlier: !a.date || !otherDate || a.date === otherDate ? null : otherDate < a.date ? ('other' as const) : ('this' as const),
          earliest: earliestOf(chain, dateOf),
          chain,
        };
      })
      .sort((x, y) => x.start - y.start || x.other.file.localeCompare(y.other.file));
    return {
      file: a.id,
      date: a.date,
      bodyChars,
      originalShare: Math.round((1 - share(fromEarlier.map((s) => s.span))) * 1000) / 1000,
      sharedShare: Math.round(share(mine.map((s) => s.span)) * 1000) / 1000,
      passages,
      quotes: quoteCarriers.get(a.id) ?? [],
    };
  });
}

/** Quotes carried by several articles (same words or one statement paraphrased), grouped, with their first carrier. */
function quoteClusters(articles: readonly ProvenanceArticle[], dateOf: (f: string) => string | null): Map<string, QuoteCarrier[]> {
  const refs: QuoteRef[] = [];
  const spans: Span[] = [];
  for (const a of articles) {
    (a.quotes ?? []).forEach((q, index) => {
      refs.push({ article: a.id, index, text: q.text, speaker: null });
      spans.push(q);
    });
  }
  const parent = refs.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  const position = new Map(refs.map((r, i) => [r, i]));
  for (const link of matchQuotes(refs)) {
    if (link.relation !== 'same') continue;
    parent[find(position.get(link.a)!)] = find(position.get(link.b)!);
  }
  const groups = new Map<number, number[]>();
  refs.forEach((_, i) => {
    const root = find(i);
    const g = groups.get(root);
    if (g) g.push(i);
    else groups.set(root, [i]);
  });
  const out = new Map<string, QuoteCarrier[]>();
  for (const members of groups.values()) {
    const carriers = [...new Set(members.map((i) => refs[i].article))].sort();
    if (carriers.length < 2) continue;
    const first = earliestOf(carriers, dateOf);
    for (const i of members) {
      const list = out.get(refs[i].article) ?? [];
      list.push({ start: spans[i].start, end: spans[i].end, text: refs[i].text, carriers, first });
      out.set(refs[i].article, list);
    }
  }
  for (const list of out.values()) list.sort((x, y) => x.start - y.start);
  return out;
}
