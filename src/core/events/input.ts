/** Articles for clustering, from JSON lines of the shapes news data sets use. */
import { parseArticle } from '../article';
import type { EventArticle } from './cluster';

export interface EventRecord {
  id?: unknown;
  uuid?: unknown;
  text?: unknown;
  title?: unknown;
  date?: unknown;
  date_publish?: unknown;
  paragraphs?: unknown;
}

/**
 * `id` (or `uuid`) and `text` (or `paragraphs`) are needed; `title`, `date` or
 * `date_publish` are used when present. Without a date, the date comes from the text
 * (a "Published" line, a dateline, a caption), as for articles in the editor.
 */
export function toEventArticle(record: EventRecord): EventArticle | string {
  const id = record.id ?? record.uuid;
  if (typeof id !== 'string' && typeof id !== 'number') return 'has no "id"';
  const paragraphs = Array.isArray(record.paragraphs) ? record.paragraphs.filter((p): p is string => typeof p === 'string') : null;
  const text = typeof record.text === 'string' ? record.text : paragraphs ? paragraphs.join('\n\n') : null;
  if (text === null) return `${String(id)}: has no "text"`;
  const title = typeof record.title === 'string' ? record.title : '';
  const given = [record.date, record.date_publish].find((d): d is string => typeof d === 'string' && /^\d{4}-\d{2}-\d{2}/.test(d));
  let date = given ? given.slice(0, 10) : null;
  if (!date) date = parseArticle(title ? `${title}\n\n${text}` : text).date?.value ?? null;
  return { id: String(id), title, body: text, date };
}
