/** Sentence boundaries inside a paragraph, aware of abbreviations, initials and quotes. */

export interface Span {
  readonly start: number;
  readonly end: number;
}

const ABBREVIATIONS = new Set(
  (
    'mr mrs ms dr prof sr jr st mt ft gen col lt sgt capt cmdr adm gov sen rep rev hon pres supt insp ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thurs fri sat sun ' +
    'inc ltd co corp bros llc plc dept univ assn est approx vs etc no nos vol fig al ave blvd rd ' +
    'a.m p.m u.s u.k u.n e.u u.s.a d.c i.e e.g'
  ).split(' '),
);

/**
 * US state abbreviations as news agencies write them ("Jacksonville, Fla.", "IRVINE, Calif.
 * 1996-08-29"): abbreviations only when capitalised, since several are words in lower case.
 */
export const STATE_ABBREVIATIONS = 'Ala Ariz Ark Calif Colo Conn Del Fla Ga Ill Ind Kan Ky La Md Mass Mich Minn Miss Mo Mont Neb Nev Okla Ore Pa Tenn Tex Va Vt Wash Wis Wyo'.split(' ');
const STATES = new Set(STATE_ABBREVIATIONS);

const CLOSERS = '"”’\')]»';

/**
 * Splits `text[start, end)` into sentences. A boundary is . ! or ? (plus any closing
 * quotes or brackets) followed by space and an upper-case letter, digit or opening quote,
 * unless the word before the period is a known abbreviation or a single initial.
 */
export function splitSentences(text: string, start = 0, end = text.length): Span[] {
  const spans: Span[] = [];
  let sentenceStart = skipSpace(text, start, end);
  for (let i = sentenceStart; i < end; i++) {
    const ch = text[i];
    if (ch !== '.' && ch !== '!' && ch !== '?' && ch !== '…') continue;
    let j = i + 1;
    while (j < end && (text[j] === '.' || text[j] === '!' || text[j] === '?')) j++;
    while (j < end && CLOSERS.includes(text[j])) j++;
    if (j >= end) break;
    if (!/\s/.test(text[j])) continue;
    const next = skipSpace(text, j, end);
    if (next >= end) break;
    if (!/[A-Z0-9"“‘'«(\[]/.test(text[next])) continue;
    if (ch === '.' && isAbbreviation(text, sentenceStart, i)) continue;
    // A number alone is no sentence: "1." opens an item of a list or a results table.
    if (ch === '.' && j === i + 1 && /^\d{1,3}$/.test(text.slice(sentenceStart, i))) continue;
    spans.push({ start: sentenceStart, end: trimEnd(text, sentenceStart, j) });
    sentenceStart = next;
    i = next - 1;
  }
  if (sentenceStart < end) {
    const e = trimEnd(text, sentenceStart, end);
    if (e > sentenceStart) spans.push({ start: sentenceStart, end: e });
  }
  return spans;
}

/** Whether the period at `periodAt` ends an abbreviation or an initial ("Mr.", "U.S.", "H."), not a sentence. */
export function isAbbreviation(text: string, from: number, periodAt: number): boolean {
  let k = periodAt;
  while (k > from && !/\s/.test(text[k - 1])) k--;
  const word = text.slice(k, periodAt).replace(/^[("“‘']+/, '');
  if (word.length === 1 && /[A-Z]/.test(word)) return true;
  if (/^([A-Za-z]\.)+[A-Za-z]$/.test(word)) return true;
  if (STATES.has(word)) return true;
  return ABBREVIATIONS.has(word.toLowerCase());
}

function skipSpace(text: string, i: number, end: number): number {
  while (i < end && /\s/.test(text[i])) i++;
  return i;
}

function trimEnd(text: string, start: number, end: number): number {
  while (end > start && /\s/.test(text[end - 1])) end--;
  return end;
}
