/** The analysis the entity, quote, compare and export commands share, user annotations applied. */
import { parseArticle } from '../core/article';
import { buildCorpusLayer, type CorpusLayer } from '../core/corpusLayer';
import { findMentions } from '../core/entities/mentions';
import { loadRecognizer } from '../node/models';
import type { LoadedArticle } from './loadArticles';

export function analyseCorpus(loaded: readonly LoadedArticle[]): CorpusLayer {
  const recognizer = loadRecognizer();
  return buildCorpusLayer(
    loaded.map((l) => {
      const article = parseArticle(l.text, l.metadata);
      return { id: l.file, text: l.text, article, mentions: findMentions(l.text, article, recognizer), annotations: l.annotations, ...(l.reviewed ? { reviewed: true } : {}) };
    }),
  );
}
