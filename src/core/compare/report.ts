/** The full comparison of N articles as plain data: for the CLI, the webview and exports. */
import type { Article } from '../article';
import type { EntityMention } from '../entities/mentions';
import type { Resolution } from '../entities/resolve';
import type { Quote } from '../quotes/quotes';
import { compareArticles, type Relation } from './align';
import { entityMatrix, quoteMatrix, type EntityRow, type QuoteRow } from './matrices';

export interface ComparedArticle {
  readonly file: string;
  readonly title: string | null;
  readonly outlet: string | null;
  readonly date: string | null;
  readonly sharedFraction: number;
  readonly overlapFraction: number;
  readonly bodyLength: number;
  readonly unique: ReadonlyArray<{ start: number; end: number; text: string }>;
}

export interface ComparisonReport {
  readonly articles: readonly ComparedArticle[];
  readonly passages: ReadonlyArray<{ relation: Relation; score: number; passages: ReadonlyArray<{ file: string; start: number; end: number; text: string }> }>;
  readonly quotes: readonly QuoteRow[];
  readonly entities: readonly EntityRow[];
}

export interface CompareInput {
  readonly file: string;
  readonly text: string;
  readonly article: Article;
  readonly mentions: readonly EntityMention[];
  readonly quotes: readonly Quote[];
}

export function buildComparison(inputs: readonly CompareInput[], resolution: Resolution): ComparisonReport {
  const c = compareArticles(inputs.map((i) => i.text), inputs.map((i) => i.article));
  return {
    articles: inputs.map((input, k) => ({
      file: input.file,
      title: input.article.title?.value ?? null,
      outlet: input.article.outlet?.value ?? null,
      date: input.article.date?.value ?? null,
      sharedFraction: c.shares[k].sharedFraction,
      overlapFraction: c.shares[k].overlapFraction,
      bodyLength: input.article.bodyLength,
      unique: c.shares[k].unique.map((u) => ({ start: u.start, end: u.end, text: u.text })),
    })),
    passages: c.alignments.map((al) => ({
      relation: al.relation,
      score: al.score,
      passages: [al.a, al.b].map((u) => ({ file: inputs[u.article].file, start: u.start, end: u.end, text: u.text })),
    })),
    quotes: quoteMatrix(inputs.map((i) => i.quotes)),
    entities: entityMatrix(inputs.map((i) => i.file), inputs.map((i) => i.mentions), resolution),
  };
}
