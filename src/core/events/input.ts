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
 * `date_publish` are used when present. Without a date, the text is read as an article
 * in the editor is: the date from a "Published" line, a dateline or a caption.
 */
export function toEventArticle(record: EventRecord): EventArticle | string {
  const id = record.id ?? record.uuid;
  if (typeof id !== 'string' && typeof id !== 'number') return 'has no "id"';
  const paragraphs = Array.isArray(record.paragraphs) ? record.paragraphs.filter((p): p is string => typeof p === 'string') : null;
  const text = typeof record.text === 'string' ? record.text : paragraphs ? paragraphs.join('\n\n') : null;
  if (text === null) return `${String(id)}: has no "text"`;
  const title = typeof record.title === 'string' ? record.title : '';
  const given = [record.date, record.date_publish].find((d): d is string => typeof d === 'string' && /^\d{4}-\d{2}-\d{2}/.test(d));
  if (given) return { id: String(id), title, body: text, date: given.slice(0, 10) };
  // Undated raw text gets the full article model: its date, headline and body without
  // the page furniture (a paywall block would otherwise dominate the terms).
  const article = parseArticle(title ? `${title}\n\n${text}` : text);
  return {
    id: String(id),
    title: title || article.title?.value || '',
    body: article.paragraphs.map((p) => p.text).join('\n'),
    date: article.date?.value ?? null,
  };
}
