/** The analysis the entity, quote, compare and export commands share, user annotations applied. */
import { parseArticle, type Article } from '../core/article';
import { applyEntityAnnotations, applyQuoteAnnotations, type UserAnnotation } from '../core/annotations/annotations';
import { findMentions, type EntityMention } from '../core/entities/mentions';
import type { Resolution } from '../core/entities/resolve';
import { bodySpans, resolveCorpus } from '../core/entities/stage';
import { findArticleQuotes, type Quote } from '../core/quotes/quotes';
import { loadRecognizer } from '../node/models';
import type { LoadedArticle } from './loadArticles';

export interface AnalysedArticle {
  readonly id: string;
  readonly text: string;
  readonly article: Article;
  /** After user annotations, corpus-wide propagation and resolution. */
  readonly mentions: readonly EntityMention[];
  readonly annotations: readonly UserAnnotation[];
}

export interface AnalysedCorpus {
  readonly articles: readonly AnalysedArticle[];
  readonly resolution: Resolution;
  /** Quotes of one article, user annotations applied, speakers named by their corpus entity. */
  quotes(k: number): Quote[];
}

export function analyseCorpus(loaded: readonly LoadedArticle[]): AnalysedCorpus {
  const recognizer = loadRecognizer();
  const first = loaded.map((l) => {
    const article = parseArticle(l.text, l.metadata);
    const mentions = applyEntityAnnotations(findMentions(l.text, article, recognizer), l.annotations);
    return { id: l.file, text: l.text, article, mentions, body: bodySpans(article), annotations: l.annotations };
  });
  const { mentions, resolution } = resolveCorpus(first);
  const articles = first.map((a, k) => ({ id: a.id, text: a.text, article: a.article, mentions: mentions[k], annotations: a.annotations }));
  return {
    articles,
    resolution,
    quotes(k) {
      const a = articles[k];
      const quotes = findArticleQuotes(a.text, a.article, a.mentions).map((q) => {
        const entity = q.speakerMention !== null ? resolution.entityFor(a.id, q.speakerMention) : undefined;
        return entity && q.speaker ? { ...q, speaker: { ...q.speaker, name: entity.canonical } } : q;
      });
      return applyQuoteAnnotations(quotes, a.annotations);
    },
  };
}
