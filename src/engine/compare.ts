/** What Compare aligns, built once for the editor's panel and the CLI's `compare`. */
import type { CompareInput } from '../core/compare/report';
import type { CorpusLayer } from '../core/corpusLayer';

/** The inputs for articles `chosen` (positions in the layer), in that order. */
export function compareInputs(layer: CorpusLayer, chosen: readonly number[]): CompareInput[] {
  return chosen.map((k) => ({ file: layer.articles[k].id, text: layer.articles[k].text, article: layer.articles[k].article, mentions: layer.articles[k].mentions, quotes: layer.quotes(k) }));
}
