/**
 * The CLI's way into the engine: the articles read from the command line, analysed by the one
 * engine the editor's worker runs (user annotations applied, pins kept), in the order given.
 * With workers (`--jobs N`), the per-article stages run on a pool of worker threads first and
 * the corpus layers are built once after, from the same results: output is the same.
 */
import type { CorpusLayer } from '../core/corpusLayer';
import { AnalysisEngine, type EngineOptions } from './analysisEngine';
import type { LoadedArticle, Reporter } from './loadArticles';

export interface PipelineOptions extends Omit<EngineOptions, 'order'> {
  /** The per-article stages the command reads: its structure alone (`analyze`), or its names too (default). */
  readonly stages?: 'article' | 'entities';
}

/** An engine holding `loaded` in the order given; a file named twice is analysed once. On this thread. */
export function corpusEngine(loaded: readonly LoadedArticle[], reporter?: Reporter, options: Omit<EngineOptions, 'order'> = {}): AnalysisEngine {
  return addArticles(new AnalysisEngine({ ...options, order: 'added' }), loaded, reporter);
}

/**
 * The same engine, its per-article stages computed first on the workers `options.workers` asks
 * for (then stopped: what is left is built across the corpus, once, on this thread).
 */
export async function corpusEngineOnWorkers(loaded: readonly LoadedArticle[], reporter?: Reporter, options: PipelineOptions = {}): Promise<AnalysisEngine> {
  const { stages, ...engineOptions } = options;
  const engine = new AnalysisEngine({ ...engineOptions, order: 'added' });
  try {
    await engine.precompute(loaded, stages !== 'article');
  } finally {
    engine.dispose();
  }
  return addArticles(engine, loaded, reporter);
}

function addArticles(engine: AnalysisEngine, loaded: readonly LoadedArticle[], reporter?: Reporter): AnalysisEngine {
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

/** The same layer, the per-article stages computed on workers first (see corpusEngineOnWorkers). */
export async function analyseCorpusOnWorkers(loaded: readonly LoadedArticle[], reporter?: Reporter, options: PipelineOptions = {}): Promise<CorpusLayer> {
  return (await corpusEngineOnWorkers(loaded, reporter, options)).corpusLayer();
}
