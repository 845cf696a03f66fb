/** Plain, serialisable views of an article for the CLI, the worker protocol and exports. */
import type { Article } from './article';
import type { BoilerplateKind } from './boilerplate';

export interface ArticleJson {
  file: string;
  title: string | null;
  outlet: string | null;
  /** ISO `YYYY-MM-DD`, or null when the text gives no date. */
  date: string | null;
  dateSource: string | null;
  dateline: string | null;
  url: string | null;
  paragraphs: Array<{ start: number; end: number; text: string; sentences: Array<{ start: number; end: number }> }>;
  boilerplate: Array<{ line: number; start: number; end: number; kind: BoilerplateKind; text: string }>;
}

export function articleToJson(file: string, a: Article): ArticleJson {
  return {
    file,
    title: a.title?.value ?? null,
    outlet: a.outlet?.value ?? null,
    date: a.date?.value ?? null,
    dateSource: a.date?.source ?? null,
    dateline: a.dateline?.place ?? null,
    url: a.url?.value ?? null,
    paragraphs: a.paragraphs.map((p) => ({
      start: p.start,
      end: p.end,
      text: p.text,
      sentences: p.sentences.map((s) => ({ start: s.start, end: s.end })),
    })),
    boilerplate: a.boilerplate.map((b) => ({ line: b.line, start: b.start, end: b.end, kind: b.kind, text: b.text })),
  };
}

/** "subscription ×33, credit ×2" — boilerplate kinds by frequency, for one-line summaries. */
export function boilerplateBreakdown(a: Article): string {
  const counts = new Map<string, number>();
  for (const b of a.boilerplate) counts.set(b.kind, (counts.get(b.kind) ?? 0) + 1);
  return [...counts]
    .sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))
    .map(([k, n]) => (n > 1 ? `${k} ×${n}` : k))
    .join(', ');
}

const SOURCE_LABEL: Record<string, string> = {
  user: 'set by you',
  'published-line': 'from the "Published" line',
  dateline: 'from the dateline',
  caption: 'from a photo caption',
  boilerplate: 'from the page furniture',
  text: 'from the text',
};

export function describeSource(source: string): string {
  return SOURCE_LABEL[source] ?? source;
}
