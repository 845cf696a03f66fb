/** Entities as a corpus-index stage (per article, cached by content) and a corpus layer. */
import type { Article } from '../article';
import type { Stage } from '../corpusIndex';
import type { Recognizer } from '../ner/recognizer';
import { findMentions, type EntityMention } from './mentions';
import { propagateAcrossCorpus } from './propagate';
import { resolveEntities, type Resolution } from './resolve';

export function entityStage(recognizer: () => Recognizer): Stage<EntityMention[]> {
  return {
    name: 'entities',
    version: 2,
    run: (input, article) => findMentions(input.text, article, recognizer()),
  };
}

export interface ArticleEntities {
  readonly id: string;
  readonly text: string;
  readonly mentions: readonly EntityMention[];
  readonly body: readonly { start: number; end: number }[];
}

export interface CorpusEntities {
  /** Per article (in input order): its mentions after corpus-wide propagation. */
  readonly mentions: readonly (readonly EntityMention[])[];
  readonly resolution: Resolution;
}

/** The corpus layer: names propagated across articles, then resolved to entities. */
export function resolveCorpus(articles: readonly ArticleEntities[]): CorpusEntities {
  const mentions = propagateAcrossCorpus(articles);
  const resolution = resolveEntities(articles.map((a, i) => ({ article: a.id, text: a.text, mentions: mentions[i] })));
  return { mentions, resolution };
}

/** The title and paragraphs: where names may be found. */
export function bodySpans(article: Article): Array<{ start: number; end: number }> {
  const spans = article.paragraphs.map((p) => ({ start: p.start, end: p.end }));
  if (article.title?.span) spans.unshift({ start: article.title.span.start, end: article.title.span.end });
  return spans;
}
