/**
 * Sends work to the analysis worker and matches answers to requests, typed by the protocol's
 * request types. A request can be superseded (a newer one with the same key cancels it) and
 * times out; a worker's exception comes back as an AnalysisError with the worker's message and
 * stack. A worker that cannot start or dies leaves the work to an in-process engine.
 */
import * as path from 'path';
import { Worker } from 'worker_threads';
import type { ArticleMetadata } from '../core/article';
import type { UserAnnotation } from '../core/annotations/annotations';
import type { ArticleId } from '../core/vocabulary';
import { AnalysisEngine } from '../engine/analysisEngine';
import { openCache } from '../engine/diskCache';
import {
  AnalyzeRequest,
  CancelNotification,
  CompareRequest,
  EntitiesRequest,
  EventsRequest,
  ExportRequest,
  ProvenanceRequest,
  RemoveRequest,
  RenameRequest,
  ReuseRequest,
  UnreadableRequest,
  WorkersRequest,
  type AnalysisResult,
  type AnyRequestType,
  type CompareResult,
  type EntitiesUpdate,
  type EventsSnapshot,
  type HostMessage,
  type ParamsOf,
  type ResponseMessage,
  type ResultOf,
  type TextVersion,
  type WorkerError,
} from './analysisProtocol';
import type { ExportFormat, ExportOptions } from '../core/export/formats';
import type { CorpusExport } from '../engine/analysisEngine';
import { EngineRequests } from './engineRequests';
import type { ReuseSnapshot } from '../engine/provenance';
import type { ProvenanceTimeline } from '../core/reuse/timeline';

/** What the user said about an article: it travels with every analysis request. */
export interface UserData {
  metadata: ArticleMetadata;
  pinnedEvent: string | null;
  annotations: readonly UserAnnotation[];
}

/** An exception thrown in the analysis worker: its message and the worker's stack. */
export class AnalysisError extends Error {
  constructor(
    readonly method: string,
    error: WorkerError,
  ) {
    super(error.message);
    this.name = error.name === 'Error' ? 'AnalysisError' : error.name;
    this.stack = error.stack ?? this.stack;
  }
}

/** A request superseded by a newer one for the same article: its answer is not wanted. */
export class CancelledError extends Error {
  constructor(readonly method: string) {
    super(`The ${method} request was superseded by a newer one.`);
    this.name = 'CancelledError';
  }
}

export class TimeoutError extends Error {
  constructor(
    readonly method: string,
    readonly ms: number,
  ) {
    super(`The analysis worker did not answer a ${method} request within ${Math.round(ms / 1000)} s.`);
    this.name = 'TimeoutError';
  }
}

interface Pending {
  readonly method: string;
  readonly key?: string;
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: Error) => void;
  readonly timer: ReturnType<typeof setTimeout>;
}

/** Requests about one article (or the pool's size); every other one reads the whole corpus. */
const PER_ARTICLE_METHODS: ReadonlySet<string> = new Set(['analyze', 'unreadable', 'remove', 'rename', 'workers']);

export interface AnalysisClientOptions {
  /** How long a request about one article may wait for its answer (default 5 minutes: a first large corpus is slow). */
  readonly timeoutMs?: number;
  /**
   * How long a corpus-wide request (entities, events, shared passages, compare, export) may wait
   * (default 30 minutes): the first one after a cold index of 10,000 articles resolves them all
   * and finds their quotes' links, minutes on a loaded machine, and the ones behind it wait.
   */
  readonly corpusTimeoutMs?: number;
  /** The worker script (default `analysisWorker.js` in the dist folder). */
  readonly workerFile?: string;
  /** Where the engine keeps per-article results across sessions (the workspace storage), if anywhere. */
  readonly cacheDir?: string;
  /** `corpusLens.analysis.workers` (default 0: one per core). */
  readonly workers?: number;
}

export class AnalysisClient {
  private worker: Worker | undefined;
  private fallback: EngineRequests | undefined;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private readonly timeoutMs: number;
  private readonly corpusTimeoutMs: number;
  private readonly workerFile: string;
  private readonly cacheDir: string | undefined;
  /** The corpus's own entity model (a folder `train` wrote), or undefined for the built-in one. */
  private model: string | undefined;
  /** `corpusLens.analysis.workers`: 0 one per core, 1 the analysis worker alone. */
  private workers: number;

  constructor(
    distFolder: string,
    private readonly log: (message: string) => void,
    options: AnalysisClientOptions = {},
  ) {
    this.timeoutMs = options.timeoutMs ?? 300_000;
    this.corpusTimeoutMs = options.corpusTimeoutMs ?? 1_800_000;
    this.workerFile = options.workerFile ?? path.join(distFolder, 'analysisWorker.js');
    this.cacheDir = options.cacheDir;
    this.workers = options.workers ?? 0;
  }

  /**
   * Runs the per-article stages on `workers` threads from now on (`corpusLens.analysis.workers`:
   * 0 one per core, 1 the analysis worker alone); results are the same, only faster.
   */
  setWorkers(workers: number): void {
    if (workers === this.workers) return;
    this.workers = workers;
    if (this.worker) void this.request(WorkersRequest, { workers }).catch((e: Error) => this.log(`Could not change the analysis workers: ${e.message}`));
  }

  /** Analyses an article's text; a newer analysis of the same article cancels this one. */
  analyze(uri: ArticleId, version: TextVersion, text: string, user: UserData): Promise<AnalysisResult> {
    return this.request(AnalyzeRequest, { uri, version, text, metadata: user.metadata, pinnedEvent: user.pinnedEvent, annotations: user.annotations }, `article:${uri}`);
  }

  unreadable(uri: ArticleId, message: string): Promise<void> {
    return this.request(UnreadableRequest, { uri, message }, `article:${uri}`);
  }

  events(threshold: number, maxGapDays: number): Promise<EventsSnapshot> {
    return this.request(EventsRequest, { threshold, maxGapDays });
  }

  /** What changed in the entity layer since generation `since` (-1: all of it). */
  entities(since: number): Promise<EntitiesUpdate> {
    return this.request(EntitiesRequest, { since });
  }

  compare(uris: readonly ArticleId[]): Promise<CompareResult> {
    return this.request(CompareRequest, { uris });
  }

  reuse(): Promise<ReuseSnapshot> {
    return this.request(ReuseRequest, {});
  }

  provenance(uris: readonly ArticleId[]): Promise<{ readonly timeline: ProvenanceTimeline | null; readonly error?: string }> {
    return this.request(ProvenanceRequest, { uris });
  }

  /** The files of an export, made by the engine (the same dispatch as `corpus-lens export`). */
  exportFiles(format: ExportFormat, options?: ExportOptions): Promise<CorpusExport> {
    return this.request(ExportRequest, options ? { format, options } : { format });
  }

  remove(uri: ArticleId): Promise<void> {
    return this.request(RemoveRequest, { uri }, `article:${uri}`);
  }

  rename(from: ArticleId, to: ArticleId): Promise<void> {
    return this.request(RenameRequest, { from, to });
  }

  dispose(): void {
    void this.worker?.terminate();
    this.worker = undefined;
    this.failPending(new Error('The analysis worker was shut down.'));
  }

  /**
   * Tags with another entity model from now on (undefined: the built-in one): the worker starts
   * again with it, so every article must be analysed again (CorpusService.reindex). What the old
   * worker still held is superseded.
   */
  setModel(model: string | undefined): void {
    if (model === this.model) return;
    this.model = model;
    const old = this.worker;
    this.worker = undefined;
    this.fallback = undefined;
    void old?.terminate();
    for (const id of [...this.pending.keys()]) {
      const p = this.settle(id);
      p?.reject(new CancelledError(p.method));
    }
  }

  modelInUse(): string | undefined {
    return this.model;
  }

  /** Sends one typed request; `key` names what a newer request with the same key supersedes. */
  request<T extends AnyRequestType>(type: T, params: ParamsOf<T>, key?: string): Promise<ResultOf<T>> {
    const method = type.method;
    const worker = this.ensureWorker();
    if (!worker) {
      try {
        return Promise.resolve(this.fallback!.handle(method, params as never) as ResultOf<T>);
      } catch (e) {
        const error = e instanceof Error ? e : new Error(String(e));
        return Promise.reject(new AnalysisError(method, { name: error.name, message: error.message, stack: error.stack }));
      }
    }
    if (key !== undefined) {
      for (const [id, p] of this.pending) {
        if (p.key !== key) continue;
        this.settle(id)?.reject(new CancelledError(p.method));
      }
    }
    const id = this.nextId++;
    const timeoutMs = PER_ARTICLE_METHODS.has(method) ? this.timeoutMs : this.corpusTimeoutMs;
    return new Promise<ResultOf<T>>((resolve, reject) => {
      const timer = setTimeout(() => {
        if (!this.settle(id)) return;
        this.notify({ kind: 'notification', method: CancelNotification.method, params: { id } });
        reject(new TimeoutError(method, timeoutMs));
      }, timeoutMs);
      timer.unref?.();
      this.pending.set(id, { method, key, resolve: resolve as (v: unknown) => void, reject, timer });
      this.post({ kind: 'request', id, method, params, ...(key !== undefined ? { key } : {}) } as HostMessage);
    });
  }

  /** Takes a request off the pending list (the worker is told nothing here). */
  private settle(id: number): Pending | undefined {
    const p = this.pending.get(id);
    if (!p) return undefined;
    clearTimeout(p.timer);
    this.pending.delete(id);
    return p;
  }

  private post(message: HostMessage): void {
    this.worker?.postMessage(message);
  }

  private notify(message: HostMessage): void {
    this.post(message);
  }

  private receive(message: ResponseMessage): void {
    const p = this.settle(message.id);
    if (!p) return;
    if (message.kind === 'response') p.resolve(message.result);
    else if (message.kind === 'error') p.reject(new AnalysisError(p.method, message.error));
    else p.reject(new CancelledError(p.method));
  }

  private ensureWorker(): Worker | undefined {
    if (this.worker || this.fallback) return this.worker;
    try {
      const worker = new Worker(this.workerFile, { workerData: { model: this.model, cacheDir: this.cacheDir, workers: this.workers } });
      worker.on('message', (m: ResponseMessage) => this.receive(m));
      worker.on('error', (e) => this.workerFailed(e));
      worker.on('exit', (code) => {
        if (this.worker === worker) this.workerFailed(new Error(`exited with code ${code}`));
      });
      worker.unref();
      this.worker = worker;
    } catch (e) {
      this.workerFailed(e as Error);
    }
    return this.worker;
  }

  /**
   * A worker that cannot start or dies: later requests are analysed in-process, and the
   * requests it held fail with an error the user can act on (Re-analyze Corpus).
   */
  private workerFailed(e: Error): void {
    this.log(`Analysis worker stopped (${e.message}); analysing on the main thread from now on.`);
    this.worker = undefined;
    this.fallback ??= new EngineRequests(new AnalysisEngine(this.cacheDir ? { cache: openCache(this.cacheDir, this.log) } : {}));
    this.failPending(new Error(`The analysis worker stopped (${e.message}); re-analyze to retry.`));
  }

  private failPending(error: Error): void {
    for (const id of [...this.pending.keys()]) this.settle(id)?.reject(error);
  }
}
