/**
 * Corpus-level consistency: a name recognised in one article is a name wherever it is
 * written the same way in another ("THAAD" tagged in one outlet's copy but missed in
 * another's). Only exact, capitalised, whole-word repeats inside body text are added, never
 * a part of a hyphenated word ("London" of "London-based", "Iraq" of "pro-Iraq").
 */
import { inHyphenatedWord, type EntityMention } from './mentions';
import { isTemporal } from '../vocabulary';

export interface PropagationInput {
  readonly id: string;
  readonly text: string;
  readonly mentions: readonly EntityMention[];
  /** Where body text is: names are never added inside boilerplate. */
  readonly body: readonly { start: number; end: number }[];
}

const MIN_LENGTH = 3;

/**
 * The tagger's margin a name needs somewhere in the corpus before it is written into other
 * articles: below it the tagger was guessing, and a guess spread corpus-wide is a guess
 * repeated hundreds of times. Tuned on CoNLL testa written as a corpus.
 */
export const PROPAGATION_MARGIN = 2;

/** Whether a mention is evidence enough to spread its name: confident, or the user's. */
function confident(m: EntityMention): boolean {
  return m.margin === undefined || m.margin >= PROPAGATION_MARGIN;
}

export function propagateAcrossCorpus(articles: readonly PropagationInput[]): EntityMention[][] {
  const names = new Map<string, EntityMention>();
  for (const a of articles) {
    for (const m of a.mentions) {
      if (isTemporal(m.type) || m.text.length < MIN_LENGTH || !startsCapital(m.text, 0)) continue;
      // "The", "One", "Police": a common word capitalised is no name in another article.
      if (m.common || !confident(m)) continue;
      const seen = names.get(m.text);
      if (!seen || (seen.margin ?? Infinity) < (m.margin ?? Infinity)) names.set(m.text, m);
    }
  }
  // Longest names first, so "Xi Jinping" is placed before "Xi" could take its first word.
  const ordered = [...names.values()].sort((a, b) => b.text.length - a.text.length || (a.text < b.text ? -1 : 1));
  // Names by their first word's letters and digits ("Xi" of "Xi Jinping", "U" of "U.S."):
  // each capitalised word start in the text looks up the few names that can start there,
  // so the cost grows with the text, not with text × names.
  const byCore = new Map<string, number[]>();
  ordered.forEach((m, rank) => {
    const key = m.text.slice(0, coreEnd(m.text, 0, m.text.length));
    const list = byCore.get(key);
    if (list) list.push(rank);
    else byCore.set(key, [rank]);
  });
  return articles.map((a) => {
    const text = a.text;
    const taken = new Uint8Array(text.length);
    for (const m of a.mentions) taken.fill(1, Math.max(0, m.start), Math.min(text.length, m.end));
    // Every whole-word occurrence inside body text, as [name rank, start].
    const found: Array<[number, number]> = [];
    for (const span of a.body) {
      for (let i = span.start; i + MIN_LENGTH <= span.end; i++) {
        if (!startsCapital(text, i) || (i > span.start && (isWordCode(text, i - 1) || text.charCodeAt(i - 1) === 45))) continue;
        // A name matching here ends its first word where the text's word does (a name's
        // letters are the text's, and a letter or digit may not follow a whole name).
        const candidates = byCore.get(text.slice(i, coreEnd(text, i, span.end)));
        if (!candidates) continue;
        for (const rank of candidates) {
          const name = ordered[rank].text;
          const end = i + name.length;
          if (end > span.end || !text.startsWith(name, i)) continue;
          if (end < span.end && isWordCode(text, end)) continue;
          if (inHyphenatedWord(text, i, end)) continue;
          if (!freeStanding(text, i, end, span)) continue;
          found.push([rank, i]);
        }
      }
    }
    found.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
    const added: EntityMention[] = [];
    for (const [rank, start] of found) {
      const name = ordered[rank];
      const end = start + name.text.length;
      if (anyTaken(taken, start, end)) continue;
      taken.fill(1, start, end);
      // A copy carries no confidence of its own: margin 0, so it never votes as the tagger would.
      added.push({ start, end, text: name.text, type: name.type, ...(name.subtype ? { subtype: name.subtype } : {}), ...(name.prior ? { prior: name.prior } : {}), margin: 0 });
    }
    return [...a.mentions, ...added].sort((x, y) => x.start - y.start || y.end - x.end);
  });
}

/**
 * Whether `text[start, end)` stands alone rather than inside a longer capitalised name: the
 * words either side (across spaces, on the same line) are not capitalised. "Boatmen" is no
 * name of its own in "Boatmen Bancshares", nor "Jones" in "Dow Jones". A capitalised word
 * opening a sentence is no part of a name ("In Seoul", "But Xi").
 */
function freeStanding(text: string, start: number, end: number, span: { start: number; end: number }): boolean {
  let k = end;
  while (k < span.end && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 9)) k++;
  if (k > end && k < span.end && startsCapital(text, k)) return false;
  k = start;
  while (k > span.start && (text.charCodeAt(k - 1) === 32 || text.charCodeAt(k - 1) === 9)) k--;
  if (k === start || k === span.start || !isWordCode(text, k - 1)) return true;
  let w = k - 1;
  while (w > span.start && isWordCode(text, w - 1)) w--;
  if (!startsCapital(text, w)) return true;
  return SENTENCE_OPENER_FOLLOWS.test(text.slice(Math.max(span.start, w - 3), w));
}

/** The end of a sentence or line just before a word (so the word opens a sentence). */
const SENTENCE_OPENER_FOLLOWS = /(?:^|[.!?:;"“”\n]\s*)$/;

/** Where the run of letters and digits from `i` ends (at most at `end`). */
function coreEnd(text: string, i: number, end: number): number {
  let k = i;
  while (k < end && isWordCode(text, k)) k++;
  return k;
}

function anyTaken(taken: Uint8Array, start: number, end: number): boolean {
  for (let k = start; k < end; k++) if (taken[k] !== 0) return true;
  return false;
}

/** `/[\p{L}\p{N}]/u` on the code unit at `i`, by its code for ASCII. */
function isWordCode(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  return LETTER_OR_NUMBER.test(text[i]);
}

const LETTER_OR_NUMBER = /[\p{L}\p{N}]/u;

function startsCapital(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c >= 65 && c <= 90) return true;
  if (c < 128) return false;
  return /\p{Lu}/u.test(String.fromCodePoint(text.codePointAt(i)!));
}
