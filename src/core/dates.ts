/** Explicit calendar dates written in article text, as ISO days. */
import * as chrono from 'chrono-node';

export interface FoundDate {
  /** ISO `YYYY-MM-DD`. */
  readonly iso: string;
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

export function isoDay(year: number, month: number, day: number): string | null {
  if (year < 1800 || year > 2200 || month < 1 || month > 12 || day < 1 || day > 31) return null;
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCMonth() !== month - 1) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

const DAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2017-12-26" → "Tuesday 26 December 2017": how a day is named wherever "now" or "Tuesday" could mean any day. */
export function dayName(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number);
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return `${DAY_NAMES[weekday]} ${day} ${MONTH_NAMES[month - 1]} ${year}`;
}

/** Words before a weekday that put it ahead of the reporting day: "will begin Monday", "is expected … on Sunday". */
const FUTURE_CUE = /\b(?:will|['’]ll|shall|expected|scheduled|due|set to|plans? to|planned|going to|upcoming)\b/i;
const WEEKDAY_MODIFIER = /\b(?:last|next|this|coming|past|previous)\b/i;

/**
 * The day a bare weekday names in news: the latest such day up to the reporting day ("said on
 * Tuesday", "happened late Tuesday"), or the next one from it when the sentence speaks of what is
 * to come. chrono takes the nearest, which puts half of the week's past events in the week ahead.
 * `before` is the sentence's text up to the weekday. Null when the weekday carries its own
 * modifier ("last Tuesday") and chrono's reading stands.
 */
export function reportedWeekday(reference: Date, weekday: number, dateText: string, before: string): string | null {
  if (WEEKDAY_MODIFIER.test(dateText)) return null;
  const ahead = FUTURE_CUE.test(before);
  const shift = ahead ? (weekday - reference.getUTCDay() + 7) % 7 : -((reference.getUTCDay() - weekday + 7) % 7);
  const d = new Date(reference.getTime() + shift * 86_400_000);
  return isoDay(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

const MONTHS = 'january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec';
const WEEKDAYS = 'sunday|monday|tuesday|wednesday|thursday|friday|saturday|sun|mon|tues|tue|wed|thurs|thur|thu|fri|sat';
const ORDINAL_WORDS = 'first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty|thirtieth|thirty';
/** chrono's number words (its NUMBER_PATTERN), the relative words, and "of" from "a couple of". */
const NUMBER_WORDS = 'one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|half|an|a|few|several|the|couple|of';
const UNIT_ABBREVIATIONS = 's|sec|mins|min|m|hrs|hr|h|d|w|mos|mon|mo|qtr|yr|y';
/** What may run on from a unit with no space between: another unit, "and", "ago", "later"… */
const UNIT_FOLLOWERS = `and|(?:${NUMBER_WORDS})\\s{0,3}(?:${UNIT_ABBREVIATIONS}|second|minute|hour|day|week|month|quarter|year)|ago|before|earlier|later|after|from|henceforth|forward|out`;

/**
 * Whether chrono-node (casual or strict, English) could find anything in a text: a digit, or
 * a word one of its parsers starts from, in the contexts its patterns allow (a month or
 * weekday name at a word start or after "on", "in", "of", "last"…, and not run into a longer
 * word; a time unit after a number word or "this/last/next"; "today", "tonight", "noon"…).
 * A necessary condition, checked with chrono 2.10's patterns; most paragraphs of news
 * without one are skipped, which is most of chrono's time (test/unit/dateCue.test.ts).
 */
const DATE_CUE = new RegExp(
  [
    '[0-9]',
    `(?:(?<![a-z])|on|in|of|this|last|past|next|st|nd|rd|th)\\s*(?:${MONTHS}|${WEEKDAYS})(?:(?![a-z])|of|this|last|past|next|${ORDINAL_WORDS})`,
    '(?<![a-z])(?:now|today|tonight|tomorrow|overmorrow|tmrw|tmr|yesterday)(?![a-z0-9_])',
    '(?:morning|afternoon|evening|night|midnight|midday|noon)(?![a-z0-9_])',
    'week(?:end|day)',
    `(?:${NUMBER_WORDS}|this|last|past|next|after)\\s{0,3}(?:second|minute|hour|day|week|month|quarter|year)`,
    `(?:this|last|past|next)\\s*(?:${UNIT_ABBREVIATIONS})(?![a-z0-9_])`,
    // A unit abbreviation after a number word ("the m", "a few d"), which chrono chains on
    // without a space ("the money out" reads as "the m" + "one y" + "out": a minute later).
    // Number words run together as chrono reads them: "a couple of m", "half a yr".
    `(?:(?<![a-z])|in|for|within|about|around|roughly|approximately|just|this|last|past|next|after)\\s*(?:${NUMBER_WORDS})(?:\\s*(?:${NUMBER_WORDS})){0,2}\\s+(?:${UNIT_ABBREVIATIONS})(?:(?![a-z0-9_])|${UNIT_FOLLOWERS})`,
    `(?:half\\s*an?|few|couple|of)(?:${UNIT_ABBREVIATIONS})(?:(?![a-z0-9_])|${UNIT_FOLLOWERS})`,
  ].join('|'),
  'i',
);

const CALENDAR_WORD_IN_LOWER_CASE = new RegExp(`(?<![\\p{L}])(?:${MONTHS}|${WEEKDAYS})(?![\\p{L}])`, 'u');

/**
 * A month or weekday name written in lower case is the common word ("the sun", "he sat down",
 * "a march", "it may"): English capitalises calendar names, so chrono's reading of it is not a date.
 */
export function namesCalendarInLowerCase(dateText: string): boolean {
  return CALENDAR_WORD_IN_LOWER_CASE.test(dateText);
}

/** What makes a number a time of day: a.m./p.m., minutes after a colon or stop, a named hour, a zone. */
const TIME_MARKER = /[ap]\.?m\b|\d[:.]\d\d|noon|midnight|midday|o['’]clock|morning|afternoon|evening|night|\b(?:GMT|UTC|BST|CET|[ECMP][SD]?T|hrs?)\b/i;

/**
 * Whether chrono's time reads as a time in news: "at 1,000 frames", "at 9-7" or "12 to 14 per
 * cent" give it an hour, but a time of day is written with its marker ("7 p.m", "07:06", "noon").
 */
export function writtenAsTimeOfDay(timeText: string): boolean {
  return TIME_MARKER.test(timeText);
}

/** Whether a date found at `at` is the tail of a longer number ("8,000 years ago" read from "000"). */
export function startsInsideNumber(text: string, at: number): boolean {
  return /\d/.test(text[at - 1] ?? '') || (/[,.]/.test(text[at - 1] ?? '') && /\d/.test(text[at - 2] ?? ''));
}

const SLASH_PAIR = /(?<![\d/])(\d{1,2})\/(\d{1,2})(?![\d/])/g;

/**
 * The "k/N" counters of a text: N with three or more different k ("1/30 Earth from the ISS …
 * 3/30 Orion …", a gallery; "1/8 … 8/8", a thread). A date's day and month do not share one
 * number across a text this way.
 */
export function slashCounters(text: string): ReadonlySet<string> {
  const seen = new Map<string, Set<string>>();
  for (const m of text.matchAll(SLASH_PAIR)) {
    let ks = seen.get(m[2]);
    if (!ks) seen.set(m[2], (ks = new Set()));
    ks.add(m[1]);
  }
  return new Set([...seen].filter(([, ks]) => ks.size >= 3).map(([n]) => n));
}

/**
 * Whether a date chrono read from "k/N" is a counter or a fraction instead: N is one of the
 * text's counters, or a whole number stands before it ("2 2/3 innings", "a 9 1/2-game lead").
 */
export function slashPairIsNoDate(dateText: string, before: string, counters: ReadonlySet<string>): boolean {
  const pair = /^(\d{1,2})\/(\d{1,2})(?![\d/])/.exec(dateText);
  if (!pair) return false;
  return counters.has(pair[2]) || /\d\s$/.test(before);
}

export function mayHoldDate(text: string): boolean {
  return DATE_CUE.test(text);
}

/** A year as dates write it: "2017", "'17". */
const WRITTEN_YEAR = /\d{4}|['’]\d{2}\b/;

/** 24.08.2017 (European dotted) and 2017-08-24 (ISO); chrono reads neither reliably. */
const NUMERIC_DATE = /\b(?:(\d{1,2})\.(\d{1,2})\.(\d{4})|(\d{4})-(\d{2})-(\d{2}))\b/g;

/**
 * Dates with a day, month and year all written out. Partial dates ("Friday",
 * "last month") are left to later stages, which can resolve them against these.
 */
export function findExplicitDates(text: string, offset = 0): FoundDate[] {
  const found: FoundDate[] = [];
  const taken: Array<[number, number]> = [];
  for (const m of text.matchAll(NUMERIC_DATE)) {
    const iso = m[1] ? isoDay(+m[3], +m[2], +m[1]) : isoDay(+m[4], +m[5], +m[6]);
    if (!iso) continue;
    const start = m.index!;
    found.push({ iso, start: offset + start, end: offset + start + m[0].length, text: m[0] });
    taken.push([start, start + m[0].length]);
  }
  // chrono runs only where the cue finds one of the forms it reads.
  for (const r of mayHoldDate(text) ? chrono.strict.parse(text) : []) {
    const c = r.start;
    if (!c.isCertain('year') || !c.isCertain('month') || !c.isCertain('day')) continue;
    // chrono counts a relative phrase ("one day after", "two weeks ago") as certain, from the
    // clock: a guess at today's date, not a date the text writes. The year must be written.
    if (!WRITTEN_YEAR.test(r.text)) continue;
    const start = r.index;
    const end = start + r.text.length;
    if (taken.some(([s, e]) => start < e && end > s)) continue;
    const iso = isoDay(c.get('year')!, c.get('month')!, c.get('day')!);
    if (iso) found.push({ iso, start: offset + start, end: offset + end, text: r.text });
  }
  return found.sort((a, b) => a.start - b.start);
}
