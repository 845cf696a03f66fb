/**
 * When an article's event happened, from its text: the calendar days (day and month) and
 * years it mentions. Two undated reports that name the same day are likely one event; two
 * that name only years, none in common, are likely two events of one kind.
 */
import * as chrono from 'chrono-node';

export interface TextTime {
  /** Days mentioned with their month, as month × 32 + day, sorted, distinct. */
  readonly days: Int32Array;
  /** Years mentioned (written out, 1900–2099), sorted, distinct. */
  readonly years: Int32Array;
}

export const NO_TEXT_TIME: TextTime = { days: new Int32Array(0), years: new Int32Array(0) };

const YEAR = /\b(19\d\d|20\d\d)\b/g;
/**
 * A month name or abbreviation near a number: chrono runs only where a day may be written,
 * and only what it reads there counts ("a day after" would otherwise be a day counted from
 * the clock, and an undated report would name today's year).
 */
const DATE_CUE = /\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d|\d\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)/;

function sortedDistinct(values: number[]): Int32Array {
  return Int32Array.from(new Set(values)).sort();
}

/**
 * The days and years the text mentions. `reference` (an ISO day, when one is known)
 * resolves the year of a day written without one ("on May 18").
 */
export function textTime(text: string, reference?: string | null): TextTime {
  const days: number[] = [];
  const years: number[] = [];
  for (const m of text.matchAll(YEAR)) years.push(Number(m[1]));
  if (DATE_CUE.test(text)) {
    const instant = reference ? new Date(`${reference}T12:00:00Z`) : undefined;
    for (const r of chrono.strict.parse(text, instant ? { instant } : undefined)) {
      const c = r.start;
      if (!DATE_CUE.test(r.text)) continue;
      if (!c.isCertain('month') || !c.isCertain('day')) continue;
      days.push(c.get('month')! * 32 + c.get('day')!);
      if (c.isCertain('year')) years.push(c.get('year')!);
    }
  }
  return { days: sortedDistinct(days), years: sortedDistinct(years.filter((y) => y >= 1900 && y < 2100)) };
}

/** Whether two sorted lists share a value. */
export function intersects(a: Int32Array, b: Int32Array): boolean {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) return true;
    if (a[i] < b[j]) i++;
    else j++;
  }
  return false;
}
