/** Reading what a user types as an article's metadata. */
import * as chrono from 'chrono-node';
import { isoDay } from './dates';

export type DateReading = { ok: true; day: string; read: string } | { ok: false; message: string };

/**
 * A publication day from free text: "2017-05-19", "19 May 2017", "May 19, 2017", "Friday, 19 May 2017"…
 * whatever chrono-node reads as one whole calendar day with its year.
 */
export function readPublicationDay(input: string): DateReading {
  const text = input.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (iso) {
    const day = isoDay(Number(iso[1]), Number(iso[2]), Number(iso[3]));
    return day ? { ok: true, day, read: text } : { ok: false, message: `${text} is not a day of the calendar.` };
  }
  const found = chrono.parse(text, undefined, { forwardDate: false })[0] ?? chrono.en.GB.parse(text)[0];
  if (!found) return { ok: false, message: 'Write a date, such as 2017-05-19 or 19 May 2017.' };
  const c = found.start;
  if (!c.isCertain('year')) return { ok: false, message: `Understood “${found.text}”, but which year?` };
  if (!c.isCertain('day') || !c.isCertain('month')) return { ok: false, message: `Understood “${found.text}”, but which day?` };
  const day = isoDay(c.get('year')!, c.get('month')!, c.get('day')!);
  if (!day) return { ok: false, message: `“${found.text}” is not a day of the calendar.` };
  return { ok: true, day, read: found.text };
}
