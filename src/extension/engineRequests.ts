/**
 * The worker's requests as calls on the engine (the worker and the in-process fallback share
 * this), and what the host is told: each article's entities with the text version they were
 * found in, and only what changed since the host's last answer.
 */
import type { AnalysisEngine, WorkerOptions } from '../engine/analysisEngine';
import { coreCount } from '../engine/stagePool';
import type { ArticleId } from '../core/vocabulary';
import type { ArticleEntities, EntitiesUpdate, EntitySummary, Method, ParamsOf, RequestOf, ResultOf, TextVersion } from './analysisProtocol';

/** Requests about one article (or the pool): they read no corpus layer. */
const PER_ARTICLE: ReadonlySet<Method> = new Set<Method>(['analyze', 'unreadable', 'remove', 'rename', 'workers']);

/** How long the editor's stage workers stay up without work. */
const IDLE_WORKERS_MS = 60_000;

/** The setting's worker count as the engine's options: 0 (or less) one per core, chosen per amount of work. */
export function editorWorkers(setting: number): WorkerOptions {
  const n = Number.isFinite(setting) ? Math.floor(setting) : 0;
  return n >= 1 ? { count: n, idleMs: IDLE_WORKERS_MS } : { count: coreCount(), auto: true, idleMs: IDLE_WORKERS_MS };
}

type Handlers = { [M in Method]: (params: ParamsOf<RequestOf<M>>) => ResultOf<RequestOf<M>> };

export class EngineRequests {
  /** The document version of each article's text in the engine's index. */
  private readonly versions = new Map<ArticleId, TextVersion>();
  /** What the host was last sent, and as which generation. */
  private sent = { generation: 0, entities: new Map<string, EntitySummary>(), articles: new Map<ArticleId, ArticleEntities>() };
  private readonly handlers: Handlers;

  constructor(private readonly engine: AnalysisEngine) {
    this.handlers = {
      analyze: (p) => {
        this.versions.set(p.uri, p.version);
        return engine.analyze({ uri: p.uri, text: p.text, metadata: p.metadata, pinnedEvent: p.pinnedEvent, annotations: p.annotations });
      },
      unreadable: (p) => {
        this.versions.delete(p.uri);
        engine.markUnreadable(p.uri, p.message);
      },
      remove: (p) => {
        this.versions.delete(p.uri);
        engine.remove(p.uri);
      },
      rename: (p) => {
        if (this.versions.has(p.from)) this.versions.set(p.to, this.versions.get(p.from)!);
        this.versions.delete(p.from);
        engine.rename(p.from, p.to);
      },
      entities: (p) => this.entities(engine, p.since),
      events: (p) => engine.events(p.threshold, p.maxGapDays),
      compare: (p) => engine.compare(p.uris),
      export: (p) => engine.exportFiles(p.format, p.options),
      reuse: () => engine.reuse(),
      provenance: (p) => engine.provenanceTimeline(p.uris),
      workers: (p) => engine.setWorkers(editorWorkers(p.workers)),
    };
  }

  /**
   * The same, for the analysis worker: a request that reads the corpus layers first has the
   * articles' names computed on the engine's worker pool (when it has one), then is answered
   * as `handle` answers it.
   */
  async handleAsync<M extends Method>(method: M, params: ParamsOf<RequestOf<M>>): Promise<ResultOf<RequestOf<M>>> {
    if (!PER_ARTICLE.has(method)) await this.engine.prepare();
    const result = this.handle(method, params);
    // While a corpus is read, its names are computed a pool's worth at a time (see prepareWhenBehind).
    if (method === 'analyze') await this.engine.prepareWhenBehind();
    return result;
  }

  handle<M extends Method>(method: M, params: ParamsOf<RequestOf<M>>): ResultOf<RequestOf<M>> {
    const handler = this.handlers[method] as ((p: ParamsOf<RequestOf<M>>) => ResultOf<RequestOf<M>>) | undefined;
    if (!handler) throw new Error(`unknown request ${String(method)}`);
    return handler(params);
  }

  /** The entity layer as a change to what the host holds (all of it when the host holds another generation). */
  private entities(engine: AnalysisEngine, since: number): EntitiesUpdate {
    const snapshot = engine.entitySnapshot();
    const whole = since !== this.sent.generation;
    const base = whole ? { entities: new Map<string, EntitySummary>(), articles: new Map<ArticleId, ArticleEntities>() } : this.sent;
    const entities = new Map(snapshot.entities.map((e) => [e.id, e]));
    const articles = new Map<ArticleId, ArticleEntities>();
    for (const uri of new Set([...Object.keys(snapshot.mentions), ...Object.keys(snapshot.quotes)])) {
      articles.set(uri, { version: this.versions.get(uri) ?? null, mentions: snapshot.mentions[uri] ?? [], quotes: snapshot.quotes[uri] ?? [] });
    }
    const changedEntities = [...entities.values()].filter((e) => !sameData(base.entities.get(e.id), e));
    const removedEntities = [...base.entities.keys()].filter((id) => !entities.has(id));
    const changedArticles: Record<ArticleId, ArticleEntities | null> = {};
    for (const [uri, a] of articles) if (!sameData(base.articles.get(uri), a)) changedArticles[uri] = a;
    for (const uri of base.articles.keys()) if (!articles.has(uri)) changedArticles[uri] = null;
    const changed = whole || changedEntities.length > 0 || removedEntities.length > 0 || Object.keys(changedArticles).length > 0;
    const generation = changed ? this.sent.generation + 1 : this.sent.generation;
    this.sent = { generation, entities, articles };
    return {
      since: whole ? -1 : since,
      generation,
      entities: changedEntities,
      removedEntities,
      articles: changedArticles,
      millis: snapshot.millis,
      ...(snapshot.error ? { error: snapshot.error } : {}),
    };
  }
}

/** Structural equality of plain data (what crosses the worker boundary). */
export function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    return a.length === bb.length && a.every((x, i) => sameData(x, bb[i]));
  }
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && sameData((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}
