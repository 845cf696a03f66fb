/**
 * The one engine (Node only, never `vscode`): the corpus index, the corpus layer, events with
 * the user's pins and names, compare inputs and export data. The analysis worker runs it for
 * the editor (src/extension/engineRequests.ts turns messages into calls), the CLI runs it too.
 */
import { createHash } from 'crypto';
import { articleToJson } from '../core/articleSummary';
import { ARTICLE_KEY, CorpusIndex } from '../core/corpusIndex';
import { sameAnnotations, type UserAnnotation } from '../core/annotations/annotations';
import { buildCorpusLayer, type CorpusLayer } from '../core/corpusLayer';
import { entityStage } from '../core/entities/stage';
import { DEFAULT_CLUSTER_OPTIONS } from '../core/events/cluster';
import { corpusEvents, type CorpusArticle, type CorpusEvent } from '../core/events/corpusEvents';
import { eventArticle, layerEventArticles } from '../core/export/events';
import { resolvedType } from '../core/entities/resolve';
import type { IndexedArticle, IndexStats, ResultStore } from '../core/corpusIndex';
import { exportFiles, type ExportFormat, type ExportOptions, type ExportOutput } from '../core/export/formats';
import { articleFileName } from '../core/vocabulary';
import type { Recognizer } from '../core/ner/recognizer';
import { loadBackgroundIdf, loadRecognizer, selectedModelFile } from '../node/models';
import { StagePool, type PoolTask } from './stagePool';
import { buildComparison, type ComparisonReport } from '../core/compare/report';
import { withEvents } from '../core/export/exportArticle';
import type { ExportArticle } from '../core/export/formats';
import { matchQuotes } from '../core/quotes/match';
import { compareInputs } from './compare';
import { editorReuse, ProvenanceStage, timelineOf, type ProvenanceInput, type ReuseSnapshot } from './provenance';
import type { ProvenanceTimeline } from '../core/reuse/timeline';
import type { Article, ArticleMetadata } from '../core/article';
import type { AnalysisResult, EntitySnapshot, EntitySummary, EventsSnapshot, MentionLocation, QuoteLocation } from './results';

/** An export of the corpus: its files, what was left out, and the articles it was made from. */
export interface CorpusExport extends ExportOutput {
  /** Each exported article's file (as the engine knows it: a path or a URI). */
  readonly articles: readonly string[];
}

/** One article as the editor (or the CLI) knows it: its text, and what the user said about it. */
export interface ArticleUpdate {
  readonly uri: string;
  /** The article's text (decoded once, by whoever read the file: see markUnreadable). */
  readonly text: string;
  readonly metadata: ArticleMetadata;
  /** The event the user pinned the article to (from its sidecar), or null. */
  readonly pinnedEvent: string | null;
  /** The user's annotations, anchored to this text. */
  readonly annotations: readonly UserAnnotation[];
  /** The user marked the article reviewed (sidecar `reviewed`): its annotations are complete. */
  readonly reviewed?: boolean;
}

/**
 * Corpus-wide results kept across runs (the engine's on-disk cache, src/engine/diskCache.ts):
 * one value per `name`, for the state of the whole corpus `key` names (every article's text,
 * metadata and the user's annotations). `load` answers undefined for another state or anything
 * it cannot read; `save` replaces the name's value and never throws.
 */
export interface LayerStore {
  loadLayer(name: string, key: string): unknown;
  saveLayer(name: string, key: string, value: unknown): void;
}

export interface EngineOptions {
  /**
   * The order articles are listed, laid out and clustered in: `'uri'` (the default, the editor's:
   * independent of the order files were found) or `'added'` (the CLI's: the command line's order).
   */
  readonly order?: 'uri' | 'added';
  /**
   * Per-article results kept across runs (src/engine/diskCache.ts), and with a LayerStore the
   * corpus-wide ones too (entities, events, shared passages); none by default.
   */
  readonly cache?: ResultStore & Partial<LayerStore>;
  /** Worker threads for the per-article stages (src/engine/stagePool.ts); none by default. */
  readonly workers?: WorkerOptions;
}

export interface WorkerOptions {
  /** How many workers; 1 (or less) runs every stage on the engine's own thread. */
  readonly count: number;
  /**
   * The count is a default, not the user's choice: work too small to repay starting workers
   * (under AUTO_POOL_MIN_CHARS of text, or one article) stays on the engine's thread.
   */
  readonly auto?: boolean;
  /** The worker script (default `stageWorker.js` beside the running bundle). */
  readonly workerFile?: string;
  /** Stop idle workers after this long (the editor's); the CLI disposes the engine instead. */
  readonly idleMs?: number;
}

/** Below this much text to analyse, a default pool is not started (the workers' start and model load cost more). */
export const AUTO_POOL_MIN_CHARS = 200_000;

/** An article whose per-article results may be computed ahead, before it is added (`precompute`). */
export interface StageInput {
  readonly text: string;
  readonly metadata: ArticleMetadata;
}

export type UpdateResult = { ok: true; entry: IndexedArticle; millis: number } | { ok: false; message: string };

export class AnalysisEngine {
  private readonly index: CorpusIndex;

  private workerOptions: WorkerOptions | undefined;

  constructor(private readonly options: EngineOptions = {}) {
    this.index = new CorpusIndex(options.cache);
    this.workerOptions = options.workers;
  }

  private pool: StagePool | undefined;
  /** Articles each worker slot has analysed, over every pool this engine ran. */
  private jobsDone: number[] = [];

  /** How many articles each worker has analysed (empty when no pool ever ran). */
  workerJobs(): number[] {
    return [...this.jobsDone];
  }

  /** Uses `workers` from now on (the editor's setting changed); a running pool is stopped. */
  setWorkers(workers: WorkerOptions | undefined): void {
    this.pool?.dispose();
    this.pool = undefined;
    this.workerOptions = workers;
  }

  /** Stops the pool's workers (the CLI, when its analysis is done). */
  dispose(): void {
    this.pool?.dispose();
    this.pool = undefined;
  }

  /**
   * Computes, on the pool's workers, the per-article results of articles about to be added
   * (`update`) that neither memory nor the on-disk cache holds: their structure and, with
   * `mentions`, their recognised names. Afterwards `update` and the corpus layers find them, so
   * the layers are built once, here, from the same results one thread would have computed.
   */
  async precompute(inputs: readonly StageInput[], mentions = true): Promise<void> {
    const entitiesKey = CorpusIndex.keyOf(this.entities);
    const seen = new Set<string>();
    const tasks: Array<{ hash: string; task: PoolTask }> = [];
    for (const input of inputs) {
      if (input.text.trim() === '') continue;
      const hash = this.index.hashOf(input.text, input.metadata);
      if (seen.has(hash)) continue;
      seen.add(hash);
      const article = this.index.peek(hash, ARTICLE_KEY) as Article | undefined;
      const wantMentions = mentions && this.index.peek(hash, entitiesKey) === undefined;
      if (article && !wantMentions) continue;
      tasks.push({ hash, task: { text: input.text, metadata: input.metadata, ...(article && wantMentions ? { article } : {}), wantArticle: !article, wantMentions } });
    }
    await this.runPool(tasks, true);
  }

  /**
   * Computes on the pool the recognised names of every article in the index that lacks them
   * (the editor's indexing: articles arrive one by one, their names are wanted all at once).
   * Without a pool, or for little work, nothing is done here: the layers compute what they need.
   */
  async prepare(): Promise<void> {
    const entitiesKey = CorpusIndex.keyOf(this.entities);
    const tasks: Array<{ hash: string; task: PoolTask }> = [];
    for (const uri of this.unnamed) {
      const a = this.index.get(uri);
      // Only whether the store holds them: a corpus whose layers are stored never reads them.
      if (!a || this.index.holds(a.hash, entitiesKey)) continue;
      tasks.push({ hash: a.hash, task: { text: a.text, metadata: a.metadata, article: a.article, wantArticle: false, wantMentions: true } });
    }
    this.unnamed.clear();
    this.unnamedChars = 0;
    await this.runPool(tasks, false);
  }

  /**
   * The same for what was added so far, once it is enough text for the pool (the editor's
   * indexing, after each article): the names are computed while the corpus is read, a pool's
   * worth at a time, and no later request has to compute a whole corpus's at once (10,000
   * articles' took longer than a request may).
   */
  async prepareWhenBehind(): Promise<void> {
    if (this.unnamedChars >= AUTO_POOL_MIN_CHARS) await this.prepare();
  }

  /** Articles added or changed since the last `prepare` (their names may be missing), and their text's length. */
  private readonly unnamed = new Set<string>();
  private unnamedChars = 0;

  private async runPool(tasks: ReadonlyArray<{ hash: string; task: PoolTask }>, beforeAdding: boolean): Promise<void> {
    const pool = this.poolFor(tasks.map((t) => t.task));
    if (!pool) return;
    const entitiesKey = CorpusIndex.keyOf(this.entities);
    const before = pool.jobsDone();
    const results = await pool.run(tasks.map((t) => t.task));
    pool.jobsDone().forEach((n, k) => (this.jobsDone[k] = (this.jobsDone[k] ?? 0) + n - before[k]));
    results.forEach((r, k) => {
      if (!r) return; // the worker could not: computed on this thread when needed
      const { hash } = tasks[k];
      if (r.article) this.index.provide(hash, ARTICLE_KEY, r.article, beforeAdding);
      if (r.mentions) this.index.provide(hash, entitiesKey, r.mentions, beforeAdding);
    });
  }

  /** The pool for this much work, or undefined when it stays on this thread. */
  private poolFor(tasks: readonly PoolTask[]): StagePool | undefined {
    const w = this.workerOptions;
    if (!w || w.count < 2 || tasks.length < 2) return undefined;
    if (w.auto && tasks.reduce((n, t) => n + t.text.length, 0) < AUTO_POOL_MIN_CHARS) return undefined;
    this.pool ??= new StagePool({ workers: w.count, model: selectedModelFile(), ...(w.workerFile ? { workerFile: w.workerFile } : {}), ...(w.idleMs !== undefined ? { idleMs: w.idleMs } : {}) });
    return this.pool;
  }

  /** How many articles were analysed and how many results came from the cache (per stage). */
  stats(): IndexStats {
    return this.index.stats();
  }

  private recognizer: Recognizer | undefined;
  private readonly entities = entityStage(() => (this.recognizer ??= loadRecognizer()));
  private snapshot: EntitySnapshot | undefined;
  /** The texts and annotations (`layerAt`) the snapshot describes. */
  private snapshotAt: string | undefined;
  private snapshotCounter = 0;
  private layer: { key: string; layer: CorpusLayer } | undefined;
  /** Bumped when the user's annotations change: they change the layers, not the texts. */
  private userVersion = 0;
  private readonly pinned = new Map<string, string | null>();
  /** Bumped when a pin changes: pins change the events, not the layers. */
  private pinVersion = 0;
  private readonly annotations = new Map<string, readonly UserAnnotation[]>();
  private readonly reviewed = new Set<string>();
  private eventsCache: { key: string; value: EventsSnapshot } | undefined;
  private readonly provenanceStage = new ProvenanceStage();
  private reuseCache: { key: string; value: ReuseSnapshot } | undefined;
  /** The settings the Events view last clustered with, so an export names the events it shows. */
  private eventSettings = { threshold: DEFAULT_CLUSTER_OPTIONS.threshold, maxGapDays: DEFAULT_CLUSTER_OPTIONS.maxGapDays };

  /** The articles, in the engine's order (see EngineOptions.order). */
  articles(): IndexedArticle[] {
    return this.index.list(this.options.order ?? 'uri');
  }

  /** Events over the whole corpus, as the Events view shows them: names from the entity layer, pins from sidecars. */
  events(threshold: number, maxGapDays: number): EventsSnapshot {
    this.eventSettings = { threshold, maxGapDays };
    const key = `${this.index.generation}:${this.userVersion}:${this.pinVersion}:${threshold}:${maxGapDays}`;
    if (this.eventsCache?.key === key) return this.eventsCache.value;
    const started = Date.now();
    let value: EventsSnapshot;
    try {
      const storedKey = this.eventsKey(threshold, maxGapDays);
      const stored = this.storedLayer('events', storedKey) as readonly CorpusEvent[] | undefined;
      if (stored) value = { generation: this.index.generation, events: stored, millis: Date.now() - started };
      else {
        const { articles, named } = this.eventArticles();
        const events = corpusEvents(articles, { ...DEFAULT_CLUSTER_OPTIONS, threshold, maxGapDays, background: loadBackgroundIdf() });
        value = { generation: this.index.generation, events, millis: Date.now() - started };
        // Events without names (no entity model) are not what this state of the corpus gives.
        if (named) this.options.cache?.saveLayer?.('events', storedKey, events);
      }
    } catch (e) {
      value = { generation: this.index.generation, events: [], millis: 0, error: `Events could not be computed: ${(e as Error).message}` };
    }
    this.eventsCache = { key, value };
    return value;
  }

  /** What clustering reads of each article; without names when the entity model cannot be loaded. */
  private eventArticles(): { articles: CorpusArticle[]; named: boolean } {
    const pinned = (uri: string) => this.pinned.get(uri) ?? null;
    let layer: CorpusLayer;
    try {
      layer = this.corpusLayer();
    } catch {
      return { articles: this.articles().map((a) => eventArticle(a.uri, a.article, pinned(a.uri), [])), named: false };
    }
    return { articles: layerEventArticles(layer, pinned), named: true };
  }

  remove(uri: string): void {
    this.index.remove(uri);
  }

  rename(from: string, to: string): void {
    this.index.rename(from, to);
  }

  /** The corpus layer (see core/corpusLayer), rebuilt only when the texts or the annotations change. */
  corpusLayer(): CorpusLayer {
    const key = `${this.index.generation}:${this.userVersion}`;
    if (this.layer?.key === key) return this.layer.layer;
    const layer = buildCorpusLayer(
      this.articles().map((a) => ({ id: a.uri, text: a.text, article: a.article, mentions: this.index.stage(this.entities, a.uri) ?? [], annotations: this.annotations.get(a.uri) ?? [], ...(this.reviewed.has(a.uri) ? { reviewed: true } : {}) })),
    );
    this.layer = { key, layer };
    return layer;
  }

  /** Mentions and quotes of every article, as the editor shows them; recomputed only after changes. */
  entitySnapshot(): EntitySnapshot {
    const started = Date.now();
    const at = this.layerAt();
    if (this.snapshot && this.snapshotAt === at) return this.snapshot;
    const stored = this.storedLayer('entities', this.corpusKey()) as Pick<EntitySnapshot, 'entities' | 'mentions' | 'quotes'> | undefined;
    if (stored) {
      this.snapshot = { generation: ++this.snapshotCounter, entities: stored.entities, mentions: stored.mentions, quotes: stored.quotes, millis: Date.now() - started };
      this.snapshotAt = at;
      return this.snapshot;
    }
    let layer: CorpusLayer;
    try {
      layer = this.corpusLayer();
    } catch (e) {
      return { generation: ++this.snapshotCounter, entities: [], mentions: {}, quotes: {}, millis: 0, error: `The entity model could not be loaded: ${(e as Error).message}` };
    }
    const resolution = layer.resolution;
    const perArticle = layer.articles;
    const mentions: Record<string, MentionLocation[]> = {};
    const articleById = new Map(perArticle.map((a) => [a.id, a]));
    for (const a of perArticle) {
      mentions[a.id] = a.mentions.map((m, i) => {
        const entity = resolution.entityFor(a.id, i);
        return { start: m.start, end: m.end, text: m.text, type: resolvedType(m, entity), ...(entity?.subtype ? { subtype: entity.subtype } : {}), entityId: entity?.id ?? '', ...(m.margin !== undefined ? { margin: m.margin } : {}) };
      });
    }
    const entities: EntitySummary[] = resolution.entities.map((e) => {
      const first = e.mentions[0];
      const firstArticle = articleById.get(first.article)!;
      const m = firstArticle.mentions[first.index];
      const entry = this.index.get(first.article)!;
      const sentence = entry.article.paragraphs.flatMap((p) => p.sentences).find((s) => s.start <= m.start && s.end >= m.end);
      return {
        id: e.id,
        type: e.type,
        ...(e.subtype ? { subtype: e.subtype } : {}),
        canonical: e.canonical,
        aliases: e.aliases,
        firstSentence: sentence ? firstArticle.text.slice(sentence.start, sentence.end) : m.text,
        firstMention: { uri: first.article, start: m.start, end: m.end },
        mentionCount: e.mentions.length,
        articleCount: new Set(e.mentions.map((x) => x.article)).size,
      };
    });
    const quotes = this.quoteLocations(layer);
    // Its own counter: annotations change the layer without changing any text.
    this.snapshot = { generation: ++this.snapshotCounter, entities, mentions, quotes, millis: Date.now() - started };
    this.snapshotAt = at;
    this.options.cache?.saveLayer?.('entities', this.corpusKey(), { entities, mentions, quotes });
    return this.snapshot;
  }

  /** Which texts and annotations the index holds now (what the in-memory layers are keyed by). */
  private layerAt(): string {
    return `${this.index.generation}:${this.userVersion}`;
  }

  private corpusKeyMemo: { at: string; key: string } | undefined;

  /**
   * The state of the whole corpus the stored layers are filed under: every article in the
   * engine's order, by its name, text and metadata, with the user's annotations and review
   * marks. (The code and the model are the store's own version.) Hashed from the texts
   * themselves, not their short hashes: a collision would show another corpus's layers.
   */
  private corpusKey(): string {
    const at = this.layerAt();
    if (this.corpusKeyMemo?.at === at) return this.corpusKeyMemo.key;
    const h = createHash('sha256');
    for (const a of this.articles()) {
      h.update(`\u0001${a.uri}\u0000${JSON.stringify(a.metadata)}\u0000${a.text.length}\u0000`);
      h.update(a.text);
      const annotations = this.annotations.get(a.uri);
      h.update(`\u0000${annotations?.length ? JSON.stringify(annotations) : ''}\u0000${this.reviewed.has(a.uri) ? 1 : 0}`);
    }
    this.corpusKeyMemo = { at, key: h.digest('hex') };
    return this.corpusKeyMemo.key;
  }

  /** A stored corpus-wide result for this state of the corpus, or undefined. */
  private storedLayer(name: string, key: string): unknown {
    return this.options.cache?.loadLayer?.(name, key);
  }

  /** The state of the corpus and of what else events are grouped by: pins, the settings and the background rarities. */
  private eventsKey(threshold: number, maxGapDays: number): string {
    const h = createHash('sha256');
    h.update(`${this.corpusKey()}\u0000${threshold}\u0000${maxGapDays}`);
    // The background rarities ship beside the model; their size tells one set from another.
    const background = loadBackgroundIdf();
    h.update(`\u0000${background.documents}\u0000${background.df.size}`);
    for (const a of this.articles()) h.update(`\u0000${JSON.stringify(this.pinned.get(a.uri) ?? null)}`);
    return h.digest('hex');
  }

  /**
   * Each article's provenance (text reuse over the whole corpus, dates, the quotes the editor
   * shows): reuse is recomputed when a text or a date changes, quote carriers when the layer does.
   */
  private provenance(): { inputs: ProvenanceInput[]; byId: ReturnType<ProvenanceStage['provenanceOf']>; withQuotes: boolean } {
    const inputs: ProvenanceInput[] = this.articles().map((a) => ({ id: a.uri, hash: a.hash, text: a.text, article: a.article }));
    let quotes: (k: number) => ReadonlyArray<{ start: number; end: number; text: string }> = () => [];
    let layerKey = 'no-quotes';
    try {
      const layer = this.corpusLayer();
      quotes = (k) => {
        const at = layer.indexOf(inputs[k].id);
        return at < 0 ? [] : layer.quotes(at).map((q) => ({ start: q.start, end: q.end, text: q.text }));
      };
      layerKey = String(this.userVersion);
    } catch {
      // Without the entity model there are no quotes to trace; reuse is still found.
    }
    const pairsKey = String(this.index.generation);
    return { inputs, byId: this.provenanceStage.provenanceOf(`${pairsKey}:${layerKey}`, pairsKey, inputs, quotes), withQuotes: layerKey !== 'no-quotes' };
  }

  /** Every article's shared passages with offsets on both sides, for the editor's marks, hover and Go to Related. */
  reuse(): ReuseSnapshot {
    const key = `${this.index.generation}:${this.userVersion}`;
    if (this.reuseCache?.key === key) return this.reuseCache.value;
    const started = Date.now();
    let value: ReuseSnapshot;
    try {
      const storedKey = this.corpusKey();
      const stored = this.storedLayer('reuse', storedKey) as ReuseSnapshot['articles'] | undefined;
      if (stored) value = { generation: this.index.generation, articles: stored, millis: Date.now() - started };
      else {
        const { inputs, byId, withQuotes } = this.provenance();
        value = { generation: this.index.generation, articles: editorReuse(inputs, byId), millis: Date.now() - started };
        // Without the entity model quotes are not traced: not what this state of the corpus gives.
        if (withQuotes) this.options.cache?.saveLayer?.('reuse', storedKey, value.articles);
      }
    } catch (e) {
      value = { generation: this.index.generation, articles: {}, millis: 0, error: `Text reuse could not be computed: ${(e as Error).message}` };
    }
    this.reuseCache = { key, value };
    return value;
  }

  /** The Provenance panel's timeline of some articles (an event's). */
  provenanceTimeline(uris: readonly string[]): { timeline: ProvenanceTimeline | null; error?: string } {
    try {
      const { inputs, byId } = this.provenance();
      const known = uris.filter((u) => byId.has(u));
      if (known.length === 0) return { timeline: null, error: 'None of these articles is analysed (yet); try again in a moment.' };
      return { timeline: timelineOf(known, inputs, byId) };
    } catch (e) {
      return { timeline: null, error: `Provenance could not be computed: ${(e as Error).message}` };
    }
  }

  /** Every article's annotations (automatic with the user's on top) and its event, for the export formats. */
  exportData(): ExportArticle[] {
    const layer = this.corpusLayer();
    const { events } = this.events(this.eventSettings.threshold, this.eventSettings.maxGapDays);
    return withEvents(layer.articles.map((_, k) => layer.exportArticle(k)), events);
  }

  /** The files of an export in one format: what `corpus-lens export` and Export Annotations… write. */
  exportFiles(format: ExportFormat, options: ExportOptions = {}): CorpusExport {
    const articles = this.exportData();
    return { ...exportFiles(format, articles, options), articles: articles.map((a) => a.file) };
  }

  /** A comparison of articles of the corpus, from the same layer the editor shows. */
  compare(uris: readonly string[]): { report: ComparisonReport | null; error?: string } {
    const layer = this.corpusLayer();
    const chosen = uris.map((u) => layer.indexOf(u));
    if (chosen.some((k) => k < 0)) return { report: null, error: 'Some of these articles are not analysed (yet); try again in a moment.' };
    return { report: buildComparison(compareInputs(layer, chosen), layer.resolution) };
  }

  /** Quotes of every article, speakers linked to entities, and the same quote across articles. */
  private quoteLocations(layer: CorpusLayer): Record<string, QuoteLocation[]> {
    const resolution = layer.resolution;
    const found = layer.articles.map((a, k) => ({ a, quotes: layer.quotes(k) }));
    const links = matchQuotes(found.flatMap(({ a, quotes }) => quotes.map((q, index) => ({ article: a.id, index, text: q.text, speaker: q.speaker?.name ?? null }))));
    // Each quote's links, found by key rather than by a pass over every link.
    const linksOf = new Map<string, typeof links>();
    for (const l of links) {
      for (const end of [l.a, l.b]) {
        const key = `${end.article}\u0000${end.index}`;
        const list = linksOf.get(key);
        if (list) list.push(l);
        else linksOf.set(key, [l]);
      }
    }
    const out: Record<string, QuoteLocation[]> = {};
    for (const { a, quotes } of found) {
      out[a.id] = quotes.map((q, index) => {
        const entity = q.speakerMention !== null ? resolution.entityFor(a.id, q.speakerMention) : undefined;
        const related = (linksOf.get(`${a.id}\u0000${index}`) ?? []).map((l) => {
          const other = l.a.article === a.id && l.a.index === index ? l.b : l.a;
          return { uri: other.article, index: other.index, relation: l.relation, score: l.score };
        });
        return {
          start: q.start,
          end: q.end,
          text: q.text,
          kind: q.kind,
          cue: q.cue ? { start: q.cue.start, end: q.cue.end, text: a.text.slice(q.cue.start, q.cue.end) } : null,
          speaker: q.speaker ? { start: q.speaker.start, end: q.speaker.end, text: q.speaker.text, name: entity?.canonical ?? q.speaker.name, entityId: entity?.id ?? null } : null,
          links: related,
        };
      });
    }
    return out;
  }

  /** A file that could not be decoded leaves the layers (the reader says why). */
  markUnreadable(uri: string, message: string): void {
    this.index.markUnreadable(uri, message);
  }

  /** Adds or updates one article (what the CLI calls for each file); `analyze` adds the article's summary. */
  update(request: ArticleUpdate): UpdateResult {
    const text = request.text;
    if (text.trim() === '') {
      this.index.markUnreadable(request.uri, 'empty');
      return { ok: false, message: 'This file is empty.' };
    }
    const started = Date.now();
    if ((this.pinned.get(request.uri) ?? null) !== request.pinnedEvent) {
      this.pinned.set(request.uri, request.pinnedEvent);
      this.pinVersion++;
    }
    const annotations = request.annotations ?? [];
    if (!sameAnnotations(this.annotations.get(request.uri) ?? [], annotations)) {
      this.annotations.set(request.uri, annotations);
      // The user's word changes the corpus layers even when the text did not change.
      this.userVersion++;
    }
    if (this.reviewed.has(request.uri) !== (request.reviewed === true)) {
      if (request.reviewed) this.reviewed.add(request.uri);
      else this.reviewed.delete(request.uri);
      this.userVersion++;
    }
    const { entry, change } = this.index.upsert(request.uri, text, request.metadata);
    if (change !== 'unchanged') {
      this.unnamed.add(request.uri);
      this.unnamedChars += text.length;
    }
    return { ok: true, entry, millis: Date.now() - started };
  }

  analyze(request: ArticleUpdate): AnalysisResult {
    const updated = this.update(request);
    if (!updated.ok) return updated;
    const { entry } = updated;
    return {
      ok: true,
      article: articleToJson(articleFileName(request.uri), entry.article),
      bodyLength: entry.article.bodyLength,
      hash: entry.hash,
      millis: updated.millis,
    };
  }
}
