/** Quotes of one article with their cue and speaker, the speaker linked to its corpus entity. */
import type { Article } from '../article';
import type { EntityMention } from '../entities/mentions';
import { attributeQuotes, type Attributed } from './attribute';
import { findQuotes, findSingleQuotes } from './findQuotes';

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
  const all = [...doubles, ...findSingleQuotes(text, spans, doubles)].sort((a, b) => a.start - b.start);
  const attributed = attributeQuotes(text, all, spans);
  const resolved = attributed.map((_, i) => resolveSpeaker(text, attributed, i));
  const out: Quote[] = [];
  attributed.forEach((a, i) => {
    const own = a.speaker;
    const source = resolved[i];
    if (!own && !source) return;
    const local = own ?? source!;
    const mentionIndex = mentionFor(source ?? local, mentions, text, a.quote.outerStart);
    const name = mentionIndex !== null ? mentions[mentionIndex].text : text.slice((source ?? local).start, (source ?? local).end);
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
function mentionFor(phrase: { start: number; end: number }, mentions: readonly EntityMention[], text: string, quoteStart: number): number | null {
  const inside = mentions
    .map((m, i) => [m, i] as const)
    .filter(([m]) => m.start >= phrase.start && m.end <= phrase.end && (m.type === 'PER' || m.type === 'ORG'));
  if (inside.length) {
    // The head of "Moon's spokesman, Yoon Young" is the last person named.
    const people = inside.filter(([m]) => m.type === 'PER');
    return (people.length ? people : inside)[(people.length ? people : inside).length - 1][1];
  }
  if (!PRONOUN.test(text.slice(phrase.start, phrase.end).trim())) return null;
  let best: number | null = null;
  mentions.forEach((m, i) => {
    if (m.type === 'PER' && m.end <= Math.min(phrase.start, quoteStart)) best = i;
  });
  return best;
}
