/** The analysis the entity, quote, compare and export commands share, user annotations applied. */
import { parseArticle } from '../core/article';
import type { CompareInput } from '../core/compare/report';
import { buildCorpusLayer, type CorpusLayer } from '../core/corpusLayer';
import { findMentions } from '../core/entities/mentions';
import { loadRecognizer } from '../node/models';
import type { LoadedArticle } from './loadArticles';

export function analyseCorpus(loaded: readonly LoadedArticle[]): CorpusLayer {
  const recognizer = loadRecognizer();
  return buildCorpusLayer(
    loaded.map((l) => {
      const article = parseArticle(l.text, l.metadata);
      return { id: l.file, text: l.text, article, mentions: findMentions(l.text, article, recognizer), annotations: l.annotations };
    }),
  );
}

/** What Compare aligns, for articles `chosen` (positions in the layer): the same for the editor and the CLI. */
export function compareInputs(layer: CorpusLayer, chosen: readonly number[]): CompareInput[] {
  return chosen.map((k) => ({ file: layer.articles[k].id, text: layer.articles[k].text, article: layer.articles[k].article, mentions: layer.articles[k].mentions, quotes: layer.quotes(k) }));
}
