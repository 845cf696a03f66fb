/** Quotes of one article with their cue and speaker, the speaker linked to its corpus entity. */
import type { Article } from '../article';
import type { EntityMention } from '../entities/mentions';
import { attributeQuotes, type Attributed } from './attribute';
import { findQuotes, findSingleQuotes } from './findQuotes';
import { firstAtLeast } from '../sortedSearch';
import type { Span } from '../sentences';

export interface Quote {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly kind: 'direct' | 'partial';
  readonly cue: { readonly start: number; readonly end: number } | null;
  /** The local mention next to the cue (it may be a pronoun or a description). */
  readonly speaker: { readonly start: number; readonly end: number; readonly text: string; readonly name: string } | null;
  /** Index of the mention (in the article's entity mentions) the speaker resolves to, if any. */
  readonly speakerMention: number | null;
}

const PRONOUN = /^(?:he|she|they|we|i|it)$/i;

/**
 * Finds and attributes the quotes of an article. Quotes with no speaker at all (scare
 * quotes, titles, nicknames) are not reported: a quote here is someone's words.
 */
export function findArticleQuotes(text: string, article: Article, mentions: readonly EntityMention[] = []): Quote[] {
  const spans = [...(article.title?.span ? [article.title.span] : []), ...article.paragraphs.map((p) => ({ start: p.start, end: p.end }))];
  const doubles = findQuotes(text, spans);
  const headline = headlineOf(text, article);
  const all = [...doubles, ...findSingleQuotes(text, spans, doubles, headline)].sort((a, b) => a.start - b.start);
  const attributed = attributeQuotes(text, all, spans, headline);
  const resolved = attributed.map((_, i) => resolveSpeaker(text, attributed, i));
  const index = new MentionIndex(mentions);
  const fallback = paragraphSpeakers(text, attributed, resolved, spans);
  const out: Quote[] = [];
  attributed.forEach((a, i) => {
    const own = a.speaker;
    const source = resolved[i] ?? (a.kind === 'direct' ? fallback[i] : null);
    if (!own && !source) {
      // A whole statement with no cue is still someone's words: listed, speaker unknown.
      if (a.kind === 'direct' && isStatement(text, a)) out.push({ start: a.quote.start, end: a.quote.end, text: text.slice(a.quote.start, a.quote.end), kind: a.kind, cue: null, speaker: null, speakerMention: null });
      return;
    }
    const local = own ?? source!;
    const mentionIndex = mentionFor(source ?? local, index, text, a.quote.outerStart);
    // A name broken over two lines of wrapped text is still one name.
    const name = (mentionIndex !== null ? mentions[mentionIndex].text : text.slice((source ?? local).start, (source ?? local).end)).replace(/\s+/g, ' ');
    out.push({
      start: a.quote.start,
      end: a.quote.end,
      text: text.slice(a.quote.start, a.quote.end),
      kind: a.kind,
      cue: a.cue,
      speaker: { start: local.start, end: local.end, text: text.slice(local.start, local.end), name },
      speakerMention: mentionIndex,
    });
  });
  return out;
}

/**
 * The article's headline: its title line or, when the title ends on a full stop and was read
 * as a paragraph, a first paragraph of one short line in title case.
 */
export function headlineOf(text: string, article: Article): Span | null {
  if (article.title?.span) return article.title.span;
  const first = article.paragraphs[0];
  if (!first) return null;
  const line = text.slice(first.start, first.end);
  const words = line.split(/\s+/).filter((w) => /\p{L}/u.test(w));
  if (line.includes('\n') || words.length < 3 || words.length > 25) return null;
  const capitalised = words.filter((w) => /^[\p{Lu}\p{N}'‘"“]/u.test(w)).length;
  return capitalised / words.length >= 0.6 ? { start: first.start, end: first.end } : null;
}

/**
 * For quotes with no speaker of their own: the one speaker of the other quotes in their
 * paragraph or, failing that, in the paragraph before, when there is exactly one.
 */
function paragraphSpeakers(text: string, attributed: readonly Attributed[], resolved: ReadonlyArray<Span | null>, paragraphs: readonly Span[]): Array<Span | null> {
  const sorted = [...paragraphs].sort((a, b) => a.start - b.start);
  const starts = sorted.map((p) => p.start);
  const paragraphOf = attributed.map((a) => firstAtLeast(starts, a.quote.outerStart + 1) - 1);
  const named = new Map<number, Span[]>();
  attributed.forEach((_, i) => {
    const s = resolved[i];
    if (!s) return;
    named.set(paragraphOf[i], [...(named.get(paragraphOf[i]) ?? []), s]);
  });
  return attributed.map((_, i) => {
    if (resolved[i]) return null;
    return onlySpeaker(text, named.get(paragraphOf[i])) ?? onlySpeaker(text, named.get(paragraphOf[i] - 1));
  });
}

function onlySpeaker(text: string, spans: readonly Span[] | undefined): Span | null {
  if (!spans?.length) return null;
  const names = new Set(spans.map((s) => text.slice(s.start, s.end).replace(/\s+/g, ' ')));
  return names.size === 1 ? spans[spans.length - 1] : null;
}

/** Five words or more: a statement, not a title or a slogan of a word or two. */
function isStatement(text: string, a: Attributed): boolean {
  return text.slice(a.quote.start, a.quote.end).split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length >= 5;
}

/** Follows pronouns and continuations back to a quote whose speaker is named. */
function resolveSpeaker(text: string, attributed: readonly Attributed[], i: number): { start: number; end: number } | null {
  const seen = new Set<number>();
  let k: number | null = i;
  let fallback: { start: number; end: number } | null = null;
  while (k !== null && !seen.has(k)) {
    seen.add(k);
    const a: Attributed = attributed[k];
    if (a.speaker) {
      if (!PRONOUN.test(text.slice(a.speaker.start, a.speaker.end).trim())) return a.speaker;
      // "he said": the previous quote's speaker, if there is one nearby.
      fallback ??= a.speaker;
    }
    k = a.inheritsFrom;
  }
  return fallback;
}

/**
 * The entity mention a speaker phrase refers to: a name inside the phrase ("China's top
 * diplomat Yang Jiechi" → Yang Jiechi), or for a pronoun the nearest person mentioned
 * before the quote.
 */
function mentionFor(phrase: { start: number; end: number }, index: MentionIndex, text: string, quoteStart: number): number | null {
  const mentions = index.mentions;
  const inside = index.inside(phrase.start, phrase.end).filter((i) => mentions[i].type === 'PER' || mentions[i].type === 'ORG');
  if (inside.length) {
    // The head of "Moon's spokesman, Yoon Young" is the last person named.
    const people = inside.filter((i) => mentions[i].type === 'PER');
    const pool = people.length ? people : inside;
    return pool[pool.length - 1];
  }
  if (!PRONOUN.test(text.slice(phrase.start, phrase.end).trim())) return null;
  return index.lastPersonBefore(Math.min(phrase.start, quoteStart));
}

/**
 * Mentions by position, so finding the ones inside a phrase or the last person before a
 * quote costs a binary search, not a pass over the article's mentions for every quote.
 */
class MentionIndex {
  /** Indices of the mentions by start, and their starts. */
  private readonly byStart: number[];
  private readonly starts: number[];
  /** Ends of the people mentioned, sorted, and the highest mention index among the first k. */
  private readonly peopleEnds: number[];
  private readonly latestPerson: number[];

  constructor(readonly mentions: readonly EntityMention[]) {
    this.byStart = mentions.map((_, i) => i).sort((a, b) => mentions[a].start - mentions[b].start || a - b);
    this.starts = this.byStart.map((i) => mentions[i].start);
    const people = mentions.map((_, i) => i).filter((i) => mentions[i].type === 'PER').sort((a, b) => mentions[a].end - mentions[b].end || a - b);
    this.peopleEnds = people.map((i) => mentions[i].end);
    let latest = -1;
    this.latestPerson = people.map((i) => (latest = Math.max(latest, i)));
  }

  /** Mentions lying wholly inside [start, end), in the order of the mention list. */
  inside(start: number, end: number): number[] {
    const out: number[] = [];
    for (let k = firstAtLeast(this.starts, start); k < this.starts.length && this.starts[k] < end; k++) {
      if (this.mentions[this.byStart[k]].end <= end) out.push(this.byStart[k]);
    }
    return out.sort((a, b) => a - b);
  }

  /** Of the people mentioned ending at or before `at`, the one latest in the mention list. */
  lastPersonBefore(at: number): number | null {
    const k = firstAtLeast(this.peopleEnds, at + 1) - 1;
    return k >= 0 ? this.latestPerson[k] : null;
  }
}
