/**
 * What the export formats are given for one article: its text, sentences, entity mentions
 * and quotes (the user's annotations applied), its metadata and event, which annotations are
 * the user's, and the annotations that could not be placed (orphans: reported, not exported).
 * Plain data, so the worker can send it to the extension and the CLI can fill it directly.
 */
import type { Article } from '../article';
import type { UserAnnotation } from '../annotations/annotations';
import type { EntityMention } from '../entities/mentions';
import { resolvedType } from '../entities/resolve';
import type { CorpusEvent } from '../events/corpusEvents';
import type { Quote } from '../quotes/quotes';

/**
 * Whether an annotation is the program's, the program's and accepted by the user in review,
 * or the user's (made, imported, or corrected in review).
 */
export type Origin = 'automatic' | 'accepted' | 'user';

export interface ExportEntity extends Omit<EntityMention, 'type'> {
  readonly type: string;
  /** The corpus entity this mention resolves to ("PER:xi-jinping"), if any. */
  readonly entityId: string | null;
  /** That entity's canonical name. */
  readonly entityName?: string;
  readonly origin?: Origin;
}

export interface ExportQuote extends Quote {
  readonly origin?: Origin;
}

export interface ExportMetadata {
  readonly title?: string | null;
  readonly outlet?: string | null;
  /** ISO `YYYY-MM-DD`. */
  readonly date?: string | null;
  readonly url?: string | null;
}

export interface ExportEvent {
  /** Stable key ("auto:<first article>" or "pinned:<label>"). */
  readonly id: string;
  readonly label: string;
}

export interface ExportOrphan {
  readonly id: string;
  readonly kind: string;
  /** The words it was anchored to. */
  readonly exact: string;
}

export interface ExportArticle {
  /** Path or URI of the article; exports keep the part relative to the articles' common folder. */
  readonly file: string;
  readonly text: string;
  readonly sentences: ReadonlyArray<{ start: number; end: number }>;
  readonly entities: readonly ExportEntity[];
  readonly quotes: readonly ExportQuote[];
  readonly metadata?: ExportMetadata;
  readonly event?: ExportEvent | null;
  readonly orphans?: readonly ExportOrphan[];
  /** The user marked the article reviewed: its annotations are complete. */
  readonly reviewed?: boolean;
}

const sameSpan = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start === b.start && a.end === b.end;

/** The export form of one article of a corpus layer; `entityOf(i)` resolves mention i. */
export function buildExportArticle(
  input: { readonly id: string; readonly text: string; readonly article: Article; readonly mentions: readonly EntityMention[]; readonly annotations: readonly UserAnnotation[]; readonly reviewed?: boolean },
  entityOf: (index: number) => { id: string; type: string; canonical: string } | undefined,
  quotes: readonly Quote[],
): ExportArticle {
  const live = input.annotations.filter((u) => !u.orphaned);
  const originOf = (kind: 'entity' | 'quote', span: { start: number; end: number }): Origin => {
    const u = live.find((x) => x.kind === kind && sameSpan(x.anchor, span));
    if (!u) return 'automatic';
    return 'decision' in u && u.decision === 'accepted' ? 'accepted' : 'user';
  };
  const { article } = input;
  return {
    file: input.id,
    text: input.text,
    sentences: article.paragraphs.flatMap((p) => p.sentences),
    entities: input.mentions.map((m, i) => {
      const e = entityOf(i);
      return { ...m, type: resolvedType(m, e), entityId: e?.id ?? null, ...(e ? { entityName: e.canonical } : {}), origin: originOf('entity', m) };
    }),
    quotes: quotes.map((q) => ({ ...q, origin: originOf('quote', q) })),
    metadata: { title: article.title?.value ?? null, outlet: article.outlet?.value ?? null, date: article.date?.value ?? null, url: article.url?.value ?? null },
    orphans: input.annotations.filter((u) => u.orphaned).map((u) => ({ id: u.id, kind: u.kind, exact: u.anchor.exact })),
    ...(input.reviewed ? { reviewed: true } : {}),
  };
}

/** The articles with the event each belongs to (events as the Events view shows them). */
export function withEvents(articles: readonly ExportArticle[], events: readonly CorpusEvent[]): ExportArticle[] {
  const byArticle = new Map<string, ExportEvent>();
  for (const e of events) for (const id of e.articles) byArticle.set(id, { id: e.key, label: e.label });
  return articles.map((a) => ({ ...a, event: byArticle.get(a.file) ?? a.event ?? null }));
}
