/** Entities as a corpus-index stage (per article, cached by content) and a corpus layer. */
import type { Stage } from '../corpusIndex';
import type { Recognizer } from '../ner/recognizer';
import { findMentions, type EntityMention } from './mentions';
import { resolveEntities, type Resolution } from './resolve';

export function entityStage(recognizer: () => Recognizer): Stage<EntityMention[]> {
  return {
    name: 'entities',
    version: 1,
    run: (input, article) => findMentions(input.text, article, recognizer()),
  };
}

export interface ArticleEntities {
  readonly id: string;
  readonly text: string;
  readonly mentions: readonly EntityMention[];
}

export function resolveCorpus(articles: readonly ArticleEntities[]): Resolution {
  return resolveEntities(articles.map((a) => ({ article: a.id, text: a.text, mentions: a.mentions })));
}
