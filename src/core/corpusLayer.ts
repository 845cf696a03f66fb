/**
 * The corpus layer the editor, the CLI, Compare and export all read: each article's
 * mentions with the user's annotations applied, propagated and resolved across the corpus;
 * its quotes (speakers by their entity's canonical name, the user's quotes on top) and its
 * export form, each computed once on demand.
 */
import type { Article } from './article';
import { applyEntityAnnotations, applyQuoteAnnotations, type UserAnnotation } from './annotations/annotations';
import type { EntityMention } from './entities/mentions';
import type { Resolution } from './entities/resolve';
import { bodySpans, resolveCorpus } from './entities/stage';
import { buildExportArticle, type ExportArticle } from './export/exportArticle';
import { findArticleQuotes, type Quote } from './quotes/quotes';

export interface LayerInput {
  readonly id: string;
  readonly text: string;
  readonly article: Article;
  /** The recogniser's mentions, before the user's annotations. */
  readonly mentions: readonly EntityMention[];
  readonly annotations: readonly UserAnnotation[];
  /** The user marked the article reviewed (sidecar `reviewed`). */
  readonly reviewed?: boolean;
}

export interface LayerArticle extends LayerInput {
  /** After the user's annotations, corpus-wide propagation and resolution. */
  readonly mentions: readonly EntityMention[];
}

export interface CorpusLayer {
  readonly articles: readonly LayerArticle[];
  readonly resolution: Resolution;
  /** Position of an article by id, or -1. */
  indexOf(id: string): number;
  quotes(k: number): Quote[];
  exportArticle(k: number): ExportArticle;
}

export function buildCorpusLayer(inputs: readonly LayerInput[]): CorpusLayer {
  const first = inputs.map((a) => ({ ...a, mentions: applyEntityAnnotations(a.mentions, a.annotations), body: bodySpans(a.article) }));
  const { mentions, resolution } = resolveCorpus(first);
  const articles: LayerArticle[] = inputs.map((a, k) => ({ ...a, mentions: mentions[k] }));
  const positions = new Map<string, number>();
  articles.forEach((a, k) => {
    if (!positions.has(a.id)) positions.set(a.id, k);
  });
  const quotes = new Map<number, Quote[]>();
  const layer: CorpusLayer = {
    articles,
    resolution,
    indexOf: (id) => positions.get(id) ?? -1,
    quotes(k) {
      let q = quotes.get(k);
      if (!q) {
        const a = articles[k];
        const automatic = findArticleQuotes(a.text, a.article, a.mentions).map((x) => {
          const e = x.speakerMention !== null ? resolution.entityFor(a.id, x.speakerMention) : undefined;
          return e && x.speaker ? { ...x, speaker: { ...x.speaker, name: e.canonical } } : x;
        });
        q = applyQuoteAnnotations(automatic, a.annotations);
        quotes.set(k, q);
      }
      return q;
    },
    exportArticle(k) {
      const a = articles[k];
      return buildExportArticle(a, (i) => resolution.entityFor(a.id, i), layer.quotes(k));
    },
  };
  return layer;
}
