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
  for (const r of chrono.strict.parse(text)) {
    const c = r.start;
    if (!c.isCertain('year') || !c.isCertain('month') || !c.isCertain('day')) continue;
    const start = r.index;
    const end = start + r.text.length;
    if (taken.some(([s, e]) => start < e && end > s)) continue;
    const iso = isoDay(c.get('year')!, c.get('month')!, c.get('day')!);
    if (iso) found.push({ iso, start: offset + start, end: offset + end, text: r.text });
  }
  return found.sort((a, b) => a.start - b.start);
}
