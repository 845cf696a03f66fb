/** A corpus layer exported: every article's export form with its event, in one format's files. */
import type { CorpusLayer } from '../corpusLayer';
import { DEFAULT_CLUSTER_OPTIONS, type ClusterOptions } from '../events/cluster';
import { corpusEvents } from '../events/corpusEvents';
import { layerEventArticles } from './events';
import { withEvents, type ExportArticle } from './exportArticle';
import { exportFiles, type ExportFormat, type ExportOptions, type ExportOutput } from './formats';

export interface CorpusExportOptions extends ExportOptions {
  /** The event the user pinned an article to (sidecar `event`), or null. */
  readonly pinnedEvent?: (id: string) => string | null;
  /** How events are clustered (the background IDF from the model files, the user's threshold). */
  readonly events?: Partial<ClusterOptions>;
}

/** Every article of the layer, with the event the Events view would show it in. */
export function corpusExportArticles(layer: CorpusLayer, options: CorpusExportOptions = {}): ExportArticle[] {
  const articles = layer.articles.map((_, k) => layer.exportArticle(k));
  const events = corpusEvents(layerEventArticles(layer, options.pinnedEvent), { ...DEFAULT_CLUSTER_OPTIONS, ...options.events });
  return withEvents(articles, events);
}

export function exportCorpus(format: ExportFormat, layer: CorpusLayer, options: CorpusExportOptions = {}): ExportOutput {
  return exportFiles(format, corpusExportArticles(layer, options), options);
}
