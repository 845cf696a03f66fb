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

/** What a UTF-16 code unit is, for the scanner's fast paths (0: not yet known). */
const WORD = 1;
const SPACE = 2;
const OTHER = 3;
const SURROGATE = 4;
const KIND = new Uint8Array(0x10000);
const WORD_CHAR = /^[\p{L}\p{M}\p{N}]$/u;
const SPACE_CHAR = /^\s$/u;

function kindOf(c: number): number {
  let k = KIND[c];
  if (k === 0) {
    if (c >= 0xd800 && c <= 0xdfff) k = SURROGATE;
    else {
      const ch = String.fromCharCode(c);
      k = WORD_CHAR.test(ch) ? WORD : SPACE_CHAR.test(ch) ? SPACE : OTHER;
    }
    KIND[c] = k;
  }
  return k;
}
for (let c = 0; c < 128; c++) kindOf(c);

const ABBREVIATION_SET = new Set(ABBREVIATIONS.split('|'));

const isDigit = (c: number) => c >= 48 && c <= 57;
const CLITICS_OF_TWO = new Set(['ve', 'll', 're', 'VE', 'LL', 'RE']);
/** What `\b` counts as a word character: [A-Za-z0-9_]. */
const isAsciiWord = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;

/**
 * The same tokens as `TOKEN.exec` from each token's end (issue #16: about 3× faster than TOKEN
 * alone), read by character codes where only the last alternatives can match: a word of letters
 * and digits followed by a space or a mark that joins nothing ("word ", "word)", "word," before a
 * non-digit, "word." when it is no abbreviation, initial or number), a clitic after its
 * apostrophe ("'s", "'ve"), a lone mark. Anything else (hyphens, apostrophes inside words,
 * periods of abbreviations, list numbers, characters outside the BMP) goes to TOKEN from where
 * the previous token ended. A change to TOKEN needs the same here: `scripts/tokenize-versus.sh
 * REV` checks the tokens against revision REV's on all the evaluation text.
 */
export function tokenize(text: string, start = 0, end = text.length): Token[] {
  const slice = text.slice(start, end);
  const n = slice.length;
  const tokens: Token[] = [];
  let p = 0;
  while (p < n) {
    // Skip spaces; a list number may start on one (indented), which the fallback below handles.
    let i = p;
    let c = slice.charCodeAt(i);
    let k = c < 128 ? KIND[c] : kindOf(c);
    while (k === SPACE && ++i < n) {
      c = slice.charCodeAt(i);
      k = c < 128 ? KIND[c] : kindOf(c);
    }
    if (i >= n) break;
    let e = -1;
    if (k === WORD) {
      let j = i + 1;
      let d = 0;
      let kd = SPACE;
      while (j < n) {
        d = slice.charCodeAt(j);
        kd = d < 128 ? KIND[d] : kindOf(d);
        if (kd !== WORD) break;
        j++;
      }
      if (j >= n) e = j;
      else if (kd === SPACE) e = j;
      else if (kd === OTHER) {
        if (d === 44 || d === 58) {
          // "," ":" join digits only ("1,000", "10:30").
          if (j + 1 >= n || !isDigit(slice.charCodeAt(j + 1))) e = j;
        } else if (d === 46) {
          // "." ends the word unless it makes an initial, abbreviation or list number, or joins a word ("U.S", "a.m").
          if (j - i >= 2 && !isDigit(c)) {
            const f = j + 1 < n ? slice.charCodeAt(j + 1) : 32;
            const kf = f < 128 ? KIND[f] : kindOf(f);
            if ((kf === SPACE || kf === OTHER) && !ABBREVIATION_SET.has(slice.slice(i, j))) e = j;
          }
        } else if (d !== 36 && d !== 37 && d !== 38 && d !== 39 && d !== 45 && d !== 47 && d !== 61 && d !== 0x2010 && d !== 0x2019) e = j;
      }
    } else if (k === OTHER) {
      const f = i + 1 < n ? slice.charCodeAt(i + 1) : 32;
      if (c === 46) {
        if (f !== 46 && !isDigit(f)) e = i + 1;
      } else if (c === 45) {
        if (f !== 45 && f !== 46) e = i + 1;
      } else if (c === 43) {
        if (f !== 46 && !isDigit(f)) e = i + 1;
      } else if (c === 39 || c === 0x2019) {
        // Only CLITIC starts with an apostrophe: "'s" "'m" "'d", "'ve" "'ll" "'re" before a word boundary, else the mark alone.
        e = i + 1;
        if (f === 115 || f === 83 || f === 109 || f === 77 || f === 100 || f === 68) {
          if (!isAsciiWord(i + 2 < n ? slice.charCodeAt(i + 2) : 32)) e = i + 2;
        } else if ((f === 118 || f === 108 || f === 114 || f === 86 || f === 76 || f === 82) && CLITICS_OF_TWO.has(slice.slice(i + 1, i + 3))) {
          if (!isAsciiWord(i + 3 < n ? slice.charCodeAt(i + 3) : 32)) e = i + 3;
        }
      } else e = i + 1;
    }
    if (e >= 0) {
      tokens.push({ start: start + i, end: start + e, text: slice.slice(i, e) });
      p = e;
      continue;
    }
    // Only a list number (a digit first) can start on the spaces before the token.
    TOKEN.lastIndex = isDigit(c) ? p : i;
    const m = TOKEN.exec(slice);
    if (m === null) break;
    // A list number may carry the line's indentation: the token starts at its digit.
    const s = m[0];
    const lead = s.length - s.trimStart().length;
    tokens.push({ start: start + m.index + lead, end: start + m.index + s.length, text: lead ? s.slice(lead) : s });
    p = m.index + s.length;
  }
  return tokens;
}
