/**
 * The CLI's way into the engine: the articles read from the command line, analysed by the one
 * engine the editor's worker runs (user annotations applied, pins kept), in the order given.
 */
import type { CorpusLayer } from '../core/corpusLayer';
import { AnalysisEngine, type EngineOptions } from './analysisEngine';
import type { LoadedArticle, Reporter } from './loadArticles';

/** An engine holding `loaded` in the order given; a file named twice is analysed once. */
export function corpusEngine(loaded: readonly LoadedArticle[], reporter?: Reporter, options: Omit<EngineOptions, 'order'> = {}): AnalysisEngine {
  const engine = new AnalysisEngine({ ...options, order: 'added' });
  const seen = new Set<string>();
  for (const l of loaded) {
    if (seen.has(l.file)) reporter?.warn(`${l.file} is given more than once; analysed once`);
    seen.add(l.file);
    const result = engine.update({ uri: l.file, text: l.text, metadata: l.metadata, pinnedEvent: l.event ?? null, annotations: l.annotations, reviewed: l.reviewed === true });
    if (!result.ok) reporter?.warn(`skipped ${l.file}: ${result.message}`);
  }
  return engine;
}

/** The corpus layer of `loaded`: every article's mentions resolved across them, quotes, export forms. */
export function analyseCorpus(loaded: readonly LoadedArticle[], reporter?: Reporter, options: Omit<EngineOptions, 'order'> = {}): CorpusLayer {
  return corpusEngine(loaded, reporter, options).corpusLayer();
}
