/** Entity mentions in one article: names from the recogniser, dates from chrono-node. */
import * as chrono from 'chrono-node';
import type { Article } from '../article';
import { chunks } from '../ner/conll';
import { isoDay, mayHoldDate, namesCalendarInLowerCase, reportedWeekday, slashCounters, slashPairIsNoDate, startsInsideNumber, writtenAsTimeOfDay } from '../dates';
import type { Recognizer } from '../ner/recognizer';
import { tokenize } from '../ner/tokenize';
import { isKnownPlace } from './places';
import type { EntitySubtype, EntityType } from '../vocabulary';

export type { EntityType } from '../vocabulary';

export interface EntityMention {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly type: EntityType;
  /** "NORP" for nationality and group words (Chinese, South Korean), a kind of MISC. */
  readonly subtype?: EntitySubtype;
  /** ISO day a DATE mention resolves to, when it resolves to one. */
  readonly value?: string;
  /** The type this name had in the training data, when it had exactly one. */
  readonly prior?: EntityType;
  /** The name the user gave this mention ("the Chinese leader" → "Xi Jinping"). */
  readonly name?: string;
  /**
   * The recogniser's confidence: the smallest margin of its chosen tags over the runner-up
   * along the name, 0 where document consistency rather than the tagger put it there.
   * Absent on mentions the user made.
   */
  readonly margin?: number;
  /** A one-word name more often written in lower case in the training text ("One", "Police", "Black"). */
  readonly common?: true;
}

/** Sentences longer than this many tokens are cut: a 1 MB "line" must not stall the tagger. */
const MAX_SENTENCE_TOKENS = 250;

/** Sentences the tagger reads as one document (a long feature article has a few hundred). */
const MAX_DOCUMENT_SENTENCES = 2000;

const NORP = /^(?:(?:North|South|East|West|Central|Latin|Southeast|Northeast)[ -])?[A-Z][a-z]+(?:an|ian|ese|ish|i|ch|ic|ean)$/;

export function findMentions(text: string, article: Article, recognizer: Recognizer): EntityMention[] {
  const sentences = article.paragraphs.flatMap((p) => p.sentences);
  const tokenized = sentences.flatMap((s) => {
    const tokens = tokenize(text, s.start, s.end);
    const pieces = [];
    for (let i = 0; i < tokens.length; i += MAX_SENTENCE_TOKENS) pieces.push(tokens.slice(i, i + MAX_SENTENCE_TOKENS));
    return pieces;
  });
  // A huge article is tagged a block of sentences at a time: document-level evidence then
  // comes from its block, and the tagger's working memory stays bounded.
  const tags: string[][] = [];
  const margins: number[][] = [];
  for (let b = 0; b < tokenized.length; b += MAX_DOCUMENT_SENTENCES) {
    const tagged = recognizer.tagWithConfidence(tokenized.slice(b, b + MAX_DOCUMENT_SENTENCES).map((ts) => ts.map((t) => t.text)));
    for (const t of tagged.tags) tags.push(t);
    for (const m of tagged.margins) margins.push(m);
  }
  let names: EntityMention[] = [];
  tokenized.forEach((tokens, i) => {
    const line = lineCase(tokens);
    for (const c of chunks(tags[i])) {
      let margin = Infinity;
      for (let k = c.start; k < c.end; k++) margin = Math.min(margin, margins[i][k]);
      for (const piece of cleanName(tokens.slice(c.start, c.end), line, recognizer, margins[i].slice(c.start, c.end))) {
        const start = piece[0].start;
        const end = piece[piece.length - 1].end;
        const surface = text.slice(start, end);
        const type = c.type as EntityType;
        const prior = isKnownPlace(surface) ? 'LOC' : recognizer.knownType(surface);
        const common = piece.length === 1 && recognizer.isCommonWord(surface) && !line.acronym(piece[0]);
        const mention: EntityMention = {
          start,
          end,
          text: surface,
          type,
          ...(type === 'MISC' && NORP.test(surface) ? { subtype: 'NORP' as const } : {}),
          margin,
          ...(prior ? { prior } : {}),
          ...(common ? { common: true as const } : {}),
        };
        names.push(mention);
      }
    }
  });
  const cleaned = trimToAcronymExpansion(text, applyOrganisationCues(text, names)).filter((m) => !TITLE_ONLY.test(m.text));
  // Reassigned, not pushed: spreading half a million mentions overflows the stack.
  names = cleaned;
  const inTitle = article.title?.span ? titleMentions(text, article.title.span, names) : [];
  const dates = findDateMentions(text, article, [...names, ...inTitle]);
  return [...inTitle, ...names, ...dates].sort((a, b) => a.start - b.start || b.end - a.end);
}

/** Whether a span overlaps any of a set of spans: a binary search, not a scan of them all. */
class Overlaps {
  private readonly starts: Float64Array;
  /** The largest end among the spans up to each one, by start. */
  private readonly maxEnds: Float64Array;

  constructor(spans: readonly { start: number; end: number }[]) {
    const sorted = [...spans].sort((a, b) => a.start - b.start);
    this.starts = Float64Array.from(sorted, (m) => m.start);
    this.maxEnds = new Float64Array(sorted.length);
    let max = -Infinity;
    sorted.forEach((m, k) => (this.maxEnds[k] = max = Math.max(max, m.end)));
  }

  /** Some span has start < end and end > start. */
  any(start: number, end: number): boolean {
    let lo = 0;
    let hi = this.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.starts[mid] < end) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && this.maxEnds[lo - 1] > start;
  }
}

const TITLE_ONLY = /^(mr|mrs|ms|dr|sir|president|minister)\.?$/i;

/**
 * Closed-class English words (determiners, pronouns, wh-words, conjunctions, prepositions,
 * particles, auxiliaries and modals): never a name on their own, never its first or last
 * word ("The", "His", "How", "Sign Up You", "Reuters The").
 */
export const FUNCTION_WORDS: ReadonlySet<string> = new Set(
  `a an the this that these those some any each every all both either neither no another
  i me my mine we us our ours you your yours he him his she her hers it its they them their theirs
  myself yourself himself herself itself ourselves themselves
  who whom whose which what when where why how whether
  and or but nor so yet if then than because although though while unless since
  of in on at by for with from to into onto over under about after before between through during
  against among within without upon via per up down out off
  is are was were be been being am has have had having do does did doing
  will would shall should can could may might must not also just very there here`.split(/\s+/),
);

/** Lower-case words that may join the words of a name ("Bank of England", "Ludwig van Beethoven"). */
const NAME_CONNECTORS = new Set(['of', 'the', 'and', 'for', 'in', 'on', 'at', 'de', 'del', 'della', 'dello', 'dei', 'des', 'da', 'di', 'do', 'dos', 'das', 'du', 'van', 'von', 'der', 'den', 'la', 'le', 'les', 'al', 'el', 'bin', 'ibn', 'y', 'e', '&', "'s", '’s']);

const BRACKET = /[()[\]{}<>]/;

interface WordToken {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export interface LineCase {
  /** A headline-like line: most of its words capitalised, so capitals say little about names. */
  readonly titleCased: boolean;
  /** Names set off by commas, semicolons or brackets (a results line, a squad list), not a headline's phrase. */
  readonly listed: boolean;
  /** An all-capital word amid lower case ("US", "IS"): an acronym, not a shouted word ("THE"). */
  acronym(token: WordToken): boolean;
  /** Whether a token opens its sentence, where a capital says nothing. */
  opens(token: WordToken): boolean;
}

export function lineCase(tokens: readonly WordToken[]): LineCase {
  const words = tokens.filter((t) => /^\p{L}/u.test(t.text));
  const titleCased = words.length >= 4 && words.filter((t) => /^\p{Lu}/u.test(t.text)).length >= 0.7 * words.length;
  const caps = (t: WordToken | undefined) => !!t && t.text.length > 1 && /^\p{Lu}+$/u.test(t.text);
  const shouted = new Set<number>();
  tokens.forEach((t, i) => {
    if (caps(t) && (caps(tokens[i - 1]) || caps(tokens[i + 1]))) shouted.add(t.start);
  });
  const first = tokens.find((t) => /[\p{L}\p{N}]/u.test(t.text))?.start;
  const listed = tokens.filter((t) => /^[,;()]$/.test(t.text)).length >= 2;
  return { titleCased, listed, acronym: (t) => caps(t) && !shouted.has(t.start), opens: (t) => t.start === first };
}

/**
 * A tagged name as the words that really are one, or several: the part before a bracket
 * ("Musk (" → "Musk"), without a verb or other lower-case word glued on ("Google has",
 * "Nakano said"), without a function word at either end, never punctuation alone. In a
 * title-cased line a capitalised common word that no training name contains is a verb or
 * noun of the headline and splits it ("Elon Musk Promised South Australia").
 */
export function cleanName<T extends WordToken>(tokens: readonly T[], line: LineCase, recognizer: Recognizer, margins?: readonly number[]): T[][] {
  const { titleCased, listed, acronym, opens } = line;
  const pieces: T[][] = [];
  let current: T[] = [];
  const flush = () => {
    let a = 0;
    let b = current.length;
    // "May" (more often capitalised than not in training) and "US" written amid lower case are names.
    const fn = (t: T) => FUNCTION_WORDS.has(t.text.toLowerCase()) && recognizer.isCommonWord(t.text) && !acronym(t);
    // Punctuation after a space ("Musk (", "” Trump") or a lower-case joining word cannot end or start a name;
    // a full stop on the word ("Inc.", "Fla.") and a capitalised particle ("El Al") can.
    const dangling = (t: T, i: number) =>
      (!/[\p{L}\p{N}]/u.test(t.text) && (i === 0 || current[i - 1].end < t.start || /^[&'’"“”]/u.test(t.text))) || (NAME_CONNECTORS.has(t.text) && !/^['’]s$/.test(t.text)) || (i === 0 && /^['’]s$/i.test(t.text));
    // A function word opening a sentence or a headline is no part of the name ("His", "An American
    // Airlines spokesman"); written capitalised inside a sentence it may be ("All Nippon Airways").
    // "The" may open a name the tagger learned with it ("The Hague").
    const leading = (t: T) => fn(t) && (b - a === 1 || ((opens(t) || titleCased) && t.text.toLowerCase() !== 'the'));
    while (a < b && (dangling(current[a], a) || leading(current[a]))) a++;
    while (b > a && (dangling(current[b - 1], b - 1) || fn(current[b - 1]))) b--;
    if (a < b) pieces.push(current.slice(a, b));
    current = [];
  };
  for (const [k, t] of tokens.entries()) {
    if (BRACKET.test(t.text)) {
      // Everything from an opening bracket on is an aside; a closing one ends what came before.
      flush();
      if (/[([{<]/.test(t.text)) return pieces;
      continue;
    }
    // "al-Aqsa", "ex-England", "eBay" carry their capital inside.
    const lowerInitial = /^\p{Ll}/u.test(t.text) && !/\p{Lu}/u.test(t.text);
    // "Reserve bank of India", "Kengo wa Dondo": a lower-case word between a name's words stays
    // when the tagger read it as part of the name with confidence, training names contain the
    // word ("Bank of England") and the training text writes it capitalised at least as often. A
    // common lower-case word does not ("Verge reported Monday", "London opening LME"), nor a word
    // no training name has ("Image caption The Taliban"), a function word or a fixture's "v".
    const innerKept = () =>
      current.length > 0 &&
      (margins?.[k] ?? 0) >= LOWER_INNER_KEEP_MARGIN &&
      !FUNCTION_WORDS.has(t.text) &&
      !VERSUS.test(t.text) &&
      !recognizer.isCommonWord(t.text) &&
      recognizer.isNameWord(t.text) &&
      tokens.some((u, j) => j > k && /^\p{Lu}/u.test(u.text));
    if (lowerInitial && !NAME_CONNECTORS.has(t.text.toLowerCase()) && !innerKept()) {
      flush();
      continue;
    }
    const headlineWord = titleCased && k > 0 && /^\p{Lu}\p{Ll}/u.test(t.text) && recognizer.isCommonWord(t.text) && !recognizer.isNameWord(t.text) && !(listed && (margins?.[k] ?? 0) >= HEADLINE_KEEP_MARGIN);
    if (headlineWord) {
      flush();
      continue;
    }
    current.push(t);
  }
  flush();
  return pieces;
}

/**
 * The tagger's margin on a capitalised common word inside a name above which a title-cased
 * list line (names set off by commas or brackets) does not split the name there: the tagger
 * read the word as part of the name from its context (a surname in a results line, "W. Noon
 * 57"; a player in a squad list, "Aron Winter ( Inter )"), not from the capital alone. Real
 * headlines get confident wrong tags ("Elon Musk Promised South Australia"), so they still split.
 */
const HEADLINE_KEEP_MARGIN = 10;

/**
 * The tagger's margin on a lower-case word inside a name (not a joining word like "of")
 * above which the name is not split there.
 */
const LOWER_INNER_KEEP_MARGIN = 10;

const VERSUS = /^(?:v|vs)\.?$/;

/** Words that, right before a name or in apposition after it, say it is an organisation. */
const ORG_BEFORE = /\b(?:shares (?:in|of)|stake in|chain|firm|company|companies|conglomerate|manufacturers?|makers?|carmakers?|retailers?|brands?|operator|group|giant|insurer|lender|bank|airline|broadcaster|newspaper|agency|rival)\s+(?:the\s+)?$/i;
const ORG_AFTER = /^(?:\s+(?:conglomerate|group|shares?|stock|corp(?:oration)?|company|inc|chain|brand)\b|,\s+(?:\S+\s+){0,6}?(?:firm|company|conglomerate|operator|maker|manufacturer|retailer|chain|carrier|group|lender|insurer)\b)/i;

/**
 * Company names unseen in training are often typed as people or places; the words
 * around them ("shares in", "the supermarket chain", "…, its largest cosmetics firm")
 * settle it. A coordinated name ("Hyundai and Kia") shares the cue.
 */
function applyOrganisationCues(text: string, names: readonly EntityMention[]): EntityMention[] {
  const out = names.map((m) => ({ ...m }));
  for (let i = 0; i < out.length; i++) {
    const m = out[i];
    // "Tokyo shares", "Seoul stocks": a known place before a market word is still the place.
    if (m.subtype || m.prior === 'LOC') continue;
    const before = text.slice(Math.max(0, m.start - 40), m.start);
    const after = text.slice(m.end, m.end + 80);
    if (!ORG_BEFORE.test(before) && !ORG_AFTER.test(after)) continue;
    out[i] = { ...m, type: 'ORG' };
    const next = out[i + 1];
    if (next && /^\s+(?:and|or|&)\s+$/.test(text.slice(m.end, next.start)) && !next.subtype) out[i + 1] = { ...next, type: 'ORG' };
  }
  // A capitalised name the tagger missed right after "shares in" or "the … chain" is one too.
  const tagged = new Overlaps(out);
  let lastAdded = -1;
  for (const cue of text.matchAll(/\b(?:[Ss]hares (?:in|of)|chain|conglomerate|firm|manufacturers?)\s+((?:\p{Lu}[\p{L}&'-]*)(?:\s+\p{Lu}[\p{L}&'-]*){0,3})/gu)) {
    const start = cue.index! + cue[0].length - cue[1].length;
    const end = start + cue[1].length;
    // Cue matches come in text order and never overlap, so one end tells about those added.
    if (tagged.any(start, end) || lastAdded > start) continue;
    out.push({ start, end, text: cue[1], type: 'ORG' });
    lastAdded = end;
  }
  return out.sort((a, b) => a.start - b.start);
}

/** "U.S. Terminal High Altitude Area Defense (THAAD)": the name is the part the acronym spells. */
function trimToAcronymExpansion(text: string, names: readonly EntityMention[]): EntityMention[] {
  return names.map((m) => {
    const acronym = /^\s*\((\p{Lu}[\p{L}.]{1,9})\)/u.exec(text.slice(m.end, m.end + 14))?.[1].replace(/\./g, '').toLowerCase();
    if (!acronym) return m;
    const words = [...m.text.matchAll(/\S+/g)];
    for (let k = 1; k < words.length; k++) {
      const initials = words.slice(k).filter((w) => /^\p{Lu}/u.test(w[0])).map((w) => w[0][0]).join('').toLowerCase();
      if (initials === acronym) {
        const start = m.start + words[k].index!;
        return { ...m, start, text: text.slice(start, m.end) };
      }
    }
    return m;
  });
}

/**
 * Whether `text[start, end)` is joined by a hyphen to a word before or after it: part of a
 * hyphenated word ("London-based", "pro-Iraq", "Anglo-French"), which Reuters text tags as a
 * whole or not at all. A name tagged elsewhere is no evidence for a part of one.
 */
export function inHyphenatedWord(text: string, start: number, end: number): boolean {
  return (HYPHEN.test(text[end] ?? '') && WORD_CHAR.test(text[end + 1] ?? '')) || (HYPHEN.test(text[start - 1] ?? '') && WORD_CHAR.test(text[start - 2] ?? ''));
}

const HYPHEN = /^[-‐]$/;
const WORD_CHAR = /^[\p{L}\p{N}]$/u;

/**
 * Headlines are title-cased, which misleads a tagger trained on sentence case, so a
 * headline gets the names the body already established, where they occur in it.
 */
function titleMentions(text: string, span: { start: number; end: number }, body: readonly EntityMention[]): EntityMention[] {
  const title = text.slice(span.start, span.end);
  const known = new Map<string, EntityMention>();
  for (const m of body) if (m.text.length > 1 && !known.has(m.text)) known.set(m.text, m);
  const found: EntityMention[] = [];
  const taken: boolean[] = [];
  for (const [surface, m] of [...known].sort((a, b) => b[0].length - a[0].length)) {
    let from = 0;
    for (;;) {
      const at = title.indexOf(surface, from);
      if (at < 0) break;
      from = at + surface.length;
      const before = title[at - 1];
      const after = title[at + surface.length];
      if ((before && /[\p{L}\p{N}]/u.test(before)) || (after && /[\p{L}\p{N}]/u.test(after))) continue;
      if (inHyphenatedWord(title, at, at + surface.length)) continue;
      if (taken.slice(at, at + surface.length).some(Boolean)) continue;
      for (let k = at; k < at + surface.length; k++) taken[k] = true;
      found.push({ ...m, start: span.start + at, end: span.start + at + surface.length, text: surface });
    }
  }
  return found;
}

/**
 * The ISO day a date states, or undefined: "January" or "this year" is not a day (chrono fills in
 * the 1st or today, which would join them with every mention of that day); a bare weekday is
 * read as news uses it (reportedWeekday), from the words of its sentence (the article's own
 * sentence split) before it.
 */
function dayValue(c: chrono.ParsedComponents, reference: Date, surface: string, text: string, p: Article['paragraphs'][number], start: number): string | undefined {
  if (c.isCertain('weekday') && !c.isCertain('day')) {
    const sentence = p.sentences.find((s) => s.start <= start && start < s.end)?.start ?? p.start;
    const weekday = reportedWeekday(reference, c.get('weekday')!, surface, text.slice(sentence, start));
    if (weekday) return weekday;
  } else if (!c.isCertain('day')) return undefined;
  return isoDay(c.get('year')!, c.get('month')!, c.get('day')!) ?? undefined;
}

function findDateMentions(text: string, article: Article, names: readonly EntityMention[]): EntityMention[] {
  const reference = article.date ? new Date(`${article.date.value}T12:00:00Z`) : undefined;
  const out: EntityMention[] = [];
  const taken = new Overlaps(names);
  const counters = slashCounters(text);
  for (const p of article.paragraphs) {
    // chrono is most of the date finding's time, and most paragraphs have nothing it could read.
    if (!mayHoldDate(p.text)) continue;
    for (const r of chrono.parse(p.text, reference ? { instant: reference } : undefined)) {
      // "on Thursday," → "Thursday": the preposition and punctuation are not the date.
      const lead = /^(?:on|in|at|by|since|from|until|during)\s+/i.exec(r.text)?.[0].length ?? 0;
      const trail = /[\s,.;:]+$/.exec(r.text)?.[0].length ?? 0;
      const start = p.start + r.index + lead;
      const end = p.start + r.index + r.text.length - trail;
      if (end <= start) continue;
      if (taken.any(start, end)) continue;
      const surface = text.slice(start, end);
      if (namesCalendarInLowerCase(surface)) continue;
      const c = r.start;
      const isDate = c.isCertain('day') || c.isCertain('month') || c.isCertain('year') || c.isCertain('weekday');
      const isTime = c.isCertain('hour');
      if (!isDate && !isTime) continue;
      if (startsInsideNumber(text, start)) continue;
      if (slashPairIsNoDate(surface, text.slice(Math.max(0, start - 2), start), counters)) continue;
      if (!isDate && !writtenAsTimeOfDay(surface)) continue;
      const value = reference ? dayValue(c, reference, surface, text, p, start) : undefined;
      out.push({ start, end, text: surface, type: isDate ? 'DATE' : 'TIME', ...(value ? { value } : {}) });
    }
  }
  return out;
}
