/** Word tokens with offsets, split the way CoNLL-2003 (Reuters) text is tokenised. */
import { STATE_ABBREVIATIONS, type Span } from '../sentences';

export interface Token extends Span {
  readonly text: string;
}

/** Letters, marks and digits: the stuff of a word. */
const W = '[\\p{L}\\p{M}\\p{N}]';

/** Abbreviations written with a period, capitalised or in capitals ("St.", "ST. LOUIS"), and US states ("Calif."). */
const ABBREVIATIONS = [
  ...'Mr Mrs Ms Dr Prof Gen Sen Rep Gov Lt Col Sgt Capt St Jr Sr Inc Ltd Corp Co No Rev Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec'.split(' ').flatMap((a) => [a, a.toUpperCase()]),
  'vs',
  ...STATE_ABBREVIATIONS,
].join('|');

/** What follows a clitic split off its word ("China's" → China 's, "I'm" → I 'm, "don't" → do n't). */
const CLITIC = "['’](?:[sSmMdD]|ve|ll|re|VE|LL|RE)\\b";

/**
 * The alternatives, first match wins:
 * - abbreviations with periods: U.S., Mr., Inc., Calif. (before more text on the line, or a
 *   hyphen: U.S.-led, Wash.-based), an initial before more text ("P. Simmons", "Pietro T. ,"),
 *   a list number opening a line ("1. Michelle Freeman");
 * - runs of dashes or dots ("--", "..."), a currency with its country ("C$", "US$");
 * - the word before a clitic and the clitic itself ("China" 's, "do" n't);
 * - a number with its sign or without its leading zero ("+0.123", ".437");
 * - words and numbers joined by hyphens, slashes, apostrophes, periods or "&", and digits by
 *   commas or colons: Lee Hae-chan, 1996-08-30, 6-3, 1/2, 22-year-old, 19th, 1,000, 10:30;
 * - any other mark alone.
 */
const TOKEN = new RegExp(
  [
    `(?:[A-Za-z]\\.){2,}(?:[-‐]${W}+)*(?![A-Za-z])`,
    `(?<!${W})(?:${ABBREVIATIONS})\\.(?:[-‐]${W}+)+`,
    `(?<!${W})(?:${ABBREVIATIONS})\\.(?=[^\\S\\n]+\\S)`,
    `(?<!${W})\\p{Lu}\\.(?=[^\\S\\n]+\\S)`,
    '(?<![^\\n])[^\\S\\n]*\\d{1,3}[.=](?=[^\\S\\n]+\\S)',
    '-{2,}|\\.{2,}',
    `(?<!${W})\\p{Lu}{1,2}\\$`,
    `${W}+(?:[-‐'’/][\\p{L}\\p{M}\\p{N}]+)*(?=${CLITIC})`,
    CLITIC,
    `${W}+(?=n['’]t\\b)`,
    "n['’]t\\b",
    `(?<!${W})[+-]?\\.\\d+|(?<![\\p{L}\\p{M}\\p{N}.])[+](?=\\d)\\d+(?:[.,]\\d+)*`,
    `${W}+(?:[-‐'’./&]${W}+|[.,:]\\d+)*%?`,
    '[^\\s]',
  ].join('|'),
  'gu',
);

export function tokenize(text: string, start = 0, end = text.length): Token[] {
  const slice = text.slice(start, end);
  const tokens: Token[] = [];
  for (const m of slice.matchAll(TOKEN)) {
    // A list number may carry the line's indentation: the token starts at its digit.
    const lead = m[0].length - m[0].trimStart().length;
    tokens.push({ start: start + m.index! + lead, end: start + m.index! + m[0].length, text: m[0].slice(lead) });
  }
  return tokens;
}
