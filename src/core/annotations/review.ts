/**
 * Reviewing what the machine found: each automatic entity or quote can be accepted (it becomes
 * the user's, marked `decision: "accepted"`), rejected (a `not-entity` / `not-quote`), or
 * corrected (type, span, speaker: `decision: "corrected"`). Decisions are ordinary user
 * annotations, so they are stored in the sidecar, anchored to their words and carried through
 * text edits exactly like every other annotation. Pure: the editor and the CLI apply the lists
 * these functions return.
 */
import type { EntityMention, EntityType } from '../entities/mentions';
import type { Quote } from '../quotes/quotes';
import { makeAnchor } from './anchor';
import { newAnnotationId, type UserAnnotation } from './annotations';

/** What the user has said about one automatic result (or that they have said nothing). */
export type ReviewStatus = 'automatic' | 'accepted' | 'corrected' | 'user' | 'rejected';

interface Span {
  readonly start: number;
  readonly end: number;
}

const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;
const live = (annotations: readonly UserAnnotation[]) => annotations.filter((a) => !a.orphaned);

/** A decision this version does not know (kept in the sidecar) counts as the user's own. */
const known = (d: unknown): ReviewStatus => (d === 'accepted' || d === 'corrected' ? d : 'user');

/** The status of an entity mention as shown (after the user's annotations were applied). */
export function entityStatus(mention: Span, annotations: readonly UserAnnotation[]): ReviewStatus {
  for (const a of live(annotations)) {
    if (a.kind === 'entity' && a.anchor.start === mention.start && a.anchor.end === mention.end) return known(a.decision);
  }
  for (const a of live(annotations)) if (a.kind === 'not-entity' && overlaps(a.anchor, mention)) return 'rejected';
  return 'automatic';
}

/** The status of a quote as shown. */
export function quoteStatus(quote: Span, annotations: readonly UserAnnotation[]): ReviewStatus {
  for (const a of live(annotations)) {
    if (a.kind === 'quote' && a.anchor.start === quote.start && a.anchor.end === quote.end) return known(a.decision);
  }
  for (const a of live(annotations)) if (a.kind === 'not-quote' && overlaps(a.anchor, quote)) return 'rejected';
  return 'automatic';
}

/** Annotations of `kinds` overlapping `span` taken out: a new decision replaces older ones there. */
function without(annotations: readonly UserAnnotation[], span: Span, kinds: readonly UserAnnotation['kind'][]): UserAnnotation[] {
  return annotations.filter((a) => a.orphaned || !kinds.includes(a.kind) || !overlaps(a.anchor, span));
}

const ENTITY_KINDS = ['entity', 'not-entity'] as const;
const QUOTE_KINDS = ['quote', 'not-quote'] as const;

/** Accepts an automatic mention as it is: the user's from now on. */
export function acceptEntity(annotations: readonly UserAnnotation[], text: string, mention: Pick<EntityMention, 'start' | 'end' | 'type'> & { name?: string }): UserAnnotation[] {
  const out = without(annotations, mention, ENTITY_KINDS);
  out.push({ id: newAnnotationId(out), kind: 'entity', type: mention.type, name: mention.name ?? null, anchor: makeAnchor(text, mention.start, mention.end), decision: 'accepted' });
  return out;
}

/** Rejects an automatic mention: these words are not a name. */
export function rejectEntity(annotations: readonly UserAnnotation[], text: string, mention: Span): UserAnnotation[] {
  const out = without(annotations, mention, ENTITY_KINDS);
  out.push({ id: newAnnotationId(out), kind: 'not-entity', anchor: makeAnchor(text, mention.start, mention.end) });
  return out;
}

/** Corrects an automatic mention: another type, and/or other words (start, end). */
export function correctEntity(
  annotations: readonly UserAnnotation[],
  text: string,
  mention: Pick<EntityMention, 'start' | 'end' | 'type'> & { name?: string },
  change: { type?: EntityType; start?: number; end?: number },
): UserAnnotation[] {
  const start = change.start ?? mention.start;
  const end = change.end ?? mention.end;
  if (!(start >= 0 && end <= text.length && start < end)) throw new RangeError(`a corrected span must hold some text (got ${start}–${end})`);
  // Both the old words and the new are decided by this correction.
  const out = without(without(annotations, mention, ENTITY_KINDS), { start, end }, ENTITY_KINDS);
  out.push({ id: newAnnotationId(out), kind: 'entity', type: change.type ?? mention.type, name: mention.name ?? null, anchor: makeAnchor(text, start, end), decision: 'corrected' });
  return out;
}

/** Takes back whatever the user said about these words: the automatic result shows again. */
export function undecide(annotations: readonly UserAnnotation[], span: Span, what: 'entity' | 'quote'): UserAnnotation[] {
  return without(annotations, span, what === 'entity' ? ENTITY_KINDS : QUOTE_KINDS);
}

export function acceptQuote(annotations: readonly UserAnnotation[], text: string, quote: Pick<Quote, 'start' | 'end'> & { speaker?: { name: string } | null }): UserAnnotation[] {
  const out = without(annotations, quote, QUOTE_KINDS);
  out.push({ id: newAnnotationId(out), kind: 'quote', speaker: quote.speaker?.name ?? null, anchor: makeAnchor(text, quote.start, quote.end), decision: 'accepted' });
  return out;
}

export function rejectQuote(annotations: readonly UserAnnotation[], text: string, quote: Span): UserAnnotation[] {
  const out = without(annotations, quote, QUOTE_KINDS);
  out.push({ id: newAnnotationId(out), kind: 'not-quote', anchor: makeAnchor(text, quote.start, quote.end) });
  return out;
}

/** Corrects a quote: its words (start, end) and/or its speaker (a name; null: nobody named). */
export function correctQuote(
  annotations: readonly UserAnnotation[],
  text: string,
  quote: Pick<Quote, 'start' | 'end'> & { speaker?: { name: string } | null },
  change: { start?: number; end?: number; speaker?: string | null },
): UserAnnotation[] {
  const start = change.start ?? quote.start;
  const end = change.end ?? quote.end;
  if (!(start >= 0 && end <= text.length && start < end)) throw new RangeError(`a corrected quote must hold some text (got ${start}–${end})`);
  const out = without(without(annotations, quote, QUOTE_KINDS), { start, end }, QUOTE_KINDS);
  const speaker = change.speaker !== undefined ? change.speaker : (quote.speaker?.name ?? null);
  out.push({ id: newAnnotationId(out), kind: 'quote', speaker, anchor: makeAnchor(text, start, end), decision: 'corrected' });
  return out;
}

/**
 * The mentions in the article with the same words as `mention` ("accept all 'Lotte' as ORG
 * here"): for a decision applied to each of them.
 */
export function identicalMentions<M extends Span & { text: string }>(mentions: readonly M[], mention: Span & { text: string }): M[] {
  return mentions.filter((m) => m.text === mention.text);
}

/** One decision applied to every mention given (each keeps its own words). */
export function decideAll(
  annotations: readonly UserAnnotation[],
  text: string,
  mentions: ReadonlyArray<Pick<EntityMention, 'start' | 'end' | 'type'> & { name?: string }>,
  decision: { action: 'accept' } | { action: 'reject' } | { action: 'retype'; type: EntityType },
): UserAnnotation[] {
  let out = [...annotations];
  for (const m of mentions) {
    if (decision.action === 'accept') out = acceptEntity(out, text, m);
    else if (decision.action === 'reject') out = rejectEntity(out, text, m);
    else out = m.type === decision.type ? acceptEntity(out, text, m) : correctEntity(out, text, m, { type: decision.type });
  }
  return out;
}

/** An automatic result waiting for the user's word, in review order. */
export interface QueueItem {
  readonly article: string;
  readonly kind: 'entity' | 'quote';
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** Entity type, or "QUOTE". */
  readonly label: string;
  /** The tagger's margin (lower: less sure); quotes and copied names have none or 0. */
  readonly margin: number;
}

/**
 * The review queue over some articles: every automatic entity and quote nobody has decided
 * on, least confident first (the tagger's margin; a name copied across the document has 0),
 * ties in article then text order, so the queue is the same each time it is built. DATE and
 * TIME come from a rule-based parser and are not queued.
 */
export function reviewQueue(
  articles: ReadonlyArray<{
    readonly id: string;
    readonly mentions: ReadonlyArray<Span & { readonly text: string; readonly type: string; readonly margin?: number }>;
    readonly quotes: ReadonlyArray<Span & { readonly text: string }>;
    readonly annotations: readonly UserAnnotation[];
  }>,
  options: { readonly quotes?: boolean } = {},
): QueueItem[] {
  const items: Array<QueueItem & { order: number }> = [];
  articles.forEach((a, order) => {
    for (const m of a.mentions) {
      if (m.type === 'DATE' || m.type === 'TIME') continue;
      if (entityStatus(m, a.annotations) !== 'automatic') continue;
      items.push({ article: a.id, kind: 'entity', start: m.start, end: m.end, text: m.text, label: m.type, margin: m.margin ?? Infinity, order });
    }
    if (options.quotes !== false) {
      for (const q of a.quotes) {
        if (quoteStatus(q, a.annotations) !== 'automatic') continue;
        // Quotes carry no margin: after the uncertain names, before the sure ones.
        items.push({ article: a.id, kind: 'quote', start: q.start, end: q.end, text: q.text, label: 'QUOTE', margin: QUOTE_MARGIN, order });
      }
    }
  });
  items.sort((x, y) => x.margin - y.margin || x.order - y.order || x.start - y.start || (x.kind < y.kind ? -1 : x.kind > y.kind ? 1 : 0));
  return items.map(({ order: _, ...item }) => item);
}

/** Where quotes fall among names in the queue: a middling margin. */
const QUOTE_MARGIN = 5;

/** Counts for the status bar and the Events view. */
export function reviewCounts(articles: ReadonlyArray<{ readonly reviewed: boolean }>): { reviewed: number; total: number } {
  return { reviewed: articles.filter((a) => a.reviewed).length, total: articles.length };
}

/** What the hover says about a result's status ("automatic — accepted by you"). */
export function statusText(status: ReviewStatus): string {
  switch (status) {
    case 'automatic':
      return 'automatic — not reviewed';
    case 'accepted':
      return 'automatic — accepted by you';
    case 'corrected':
      return 'automatic — corrected by you';
    case 'rejected':
      return 'automatic — rejected by you';
    default:
      return 'yours';
  }
}
