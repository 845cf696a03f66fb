/** Sends work to the analysis worker and matches answers to requests. */
import * as path from 'path';
import { Worker } from 'worker_threads';
import type { ArticleMetadata } from '../core/article';
import type { UserAnnotation } from '../core/annotations/annotations';
import type { ComparisonReport } from '../core/compare/report';
import type { ExportArticle } from '../core/export/formats';
import { AnalysisEngine } from '../engine/analysisEngine';
import { openCache } from '../engine/diskCache';
import type { AnalysisRequest, AnalysisResponse, AnalysisResult, EntitySnapshot, EventsSnapshot } from './analysisProtocol';
import { handleRequest } from './engineRequests';
import type { ReuseSnapshot } from '../engine/provenance';
import type { ProvenanceTimeline } from '../core/reuse/timeline';

type Pending = (response: AnalysisResponse) => void;

/** What the user said about an article: it travels with every analysis request. */
export interface UserData {
  metadata: ArticleMetadata;
  pinnedEvent: string | null;
  annotations: readonly UserAnnotation[];
}

export class AnalysisClient {
  private worker: Worker | undefined;
  private fallback: AnalysisEngine | undefined;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  /** The corpus's own entity model (a folder `train` wrote), or undefined for the built-in one. */
  private model: string | undefined;

  constructor(
    private readonly distFolder: string,
    private readonly log: (message: string) => void,
    /** Where the engine keeps per-article results across sessions (the workspace storage), if anywhere. */
    private readonly cacheDir?: string,
  ) {}

  analyzeText(uri: string, text: string, user: UserData): Promise<AnalysisResult> {
    return this.send({ type: 'analyze', id: this.nextId++, uri, text, ...user }).then((r) => r.result!);
  }

  analyzeBytes(uri: string, bytes: Uint8Array, user: UserData): Promise<AnalysisResult> {
    return this.send({ type: 'analyze', id: this.nextId++, uri, bytes, ...user }).then((r) => r.result!);
  }

  events(threshold: number, maxGapDays: number): Promise<EventsSnapshot> {
    return this.send({ type: 'events', id: this.nextId++, threshold, maxGapDays }).then((r) => {
      if (r.type !== 'events') throw new Error('unexpected answer to an events request');
      return r.events;
    });
  }

  entities(): Promise<EntitySnapshot> {
    return this.send({ type: 'entities', id: this.nextId++ }).then((r) => {
      if (r.type !== 'entities') throw new Error('unexpected answer to an entities request');
      return r.snapshot;
    });
  }

  compare(uris: readonly string[]): Promise<{ report: ComparisonReport | null; error?: string }> {
    return this.send({ type: 'compare', id: this.nextId++, uris }).then((r) => {
      if (r.type !== 'compare') throw new Error('unexpected answer to a compare request');
      return { report: r.report, error: r.error };
    });
  }

  reuse(): Promise<ReuseSnapshot> {
    return this.send({ type: 'reuse', id: this.nextId++ }).then((r) => {
      if (r.type !== 'reuse') throw new Error('unexpected answer to a reuse request');
      return r.reuse;
    });
  }

  provenance(uris: readonly string[]): Promise<{ timeline: ProvenanceTimeline | null; error?: string }> {
    return this.send({ type: 'provenance', id: this.nextId++, uris }).then((r) => {
      if (r.type !== 'provenance') throw new Error('unexpected answer to a provenance request');
      return { timeline: r.timeline, error: r.error };
    });
  }

  exportData(): Promise<ExportArticle[]> {
    return this.send({ type: 'exportData', id: this.nextId++ }).then((r) => {
      if (r.type !== 'exportData') throw new Error('unexpected answer to an export request');
      return r.articles;
    });
  }

  remove(uri: string): Promise<void> {
    return this.send({ type: 'remove', id: this.nextId++, uri }).then(() => undefined);
  }

  rename(from: string, to: string): Promise<void> {
    return this.send({ type: 'rename', id: this.nextId++, from, to }).then(() => undefined);
  }

  dispose(): void {
    void this.worker?.terminate();
    this.worker = undefined;
  }

  /**
   * Tags with another entity model from now on (undefined: the built-in one): the worker starts
   * again with it, so every article must be analysed again (CorpusService.reindex).
   */
  setModel(model: string | undefined): void {
    if (model === this.model) return;
    this.model = model;
    void this.worker?.terminate();
    this.worker = undefined;
    this.fallback = undefined;
    for (const resolve of this.pending.values()) resolve({ type: 'done', id: -1, uri: '', result: { ok: false, message: 'The entity model changed; analysing again.' } } as AnalysisResponse);
    this.pending.clear();
  }

  modelInUse(): string | undefined {
    return this.model;
  }

  private send(request: AnalysisRequest): Promise<AnalysisResponse> {
    const worker = this.ensureWorker();
    if (!worker) return Promise.resolve(handleRequest(this.engine(), request));
    return new Promise((resolve) => {
      this.pending.set(request.id, resolve);
      worker.postMessage(request);
    });
  }

  private ensureWorker(): Worker | undefined {
    if (this.worker || this.fallback) return this.worker;
    try {
      const worker = new Worker(path.join(this.distFolder, 'analysisWorker.js'), { workerData: { model: this.model, cacheDir: this.cacheDir } });
      worker.on('message', (response: AnalysisResponse) => {
        const resolve = this.pending.get(response.id);
        this.pending.delete(response.id);
        resolve?.(response);
      });
      worker.on('error', (e) => this.workerFailed(e));
      worker.unref();
      this.worker = worker;
    } catch (e) {
      this.workerFailed(e as Error);
    }
    return this.worker;
  }

  /**
   * A worker that cannot start or dies: later requests are analysed in-process, and the
   * requests it held are answered with an error the user can act on (Re-analyze Corpus).
   */
  private workerFailed(e: Error): void {
    this.log(`Analysis worker stopped (${e.message}); analysing on the main thread from now on.`);
    this.worker = undefined;
    this.engine();
    for (const [id, resolve] of this.pending) {
      resolve({ type: 'done', id, uri: '', result: { ok: false, message: 'The analysis worker stopped; re-analyze to retry.' } });
    }
    this.pending.clear();
  }

  private engine(): AnalysisEngine {
    this.fallback ??= new AnalysisEngine(this.cacheDir ? { cache: openCache(this.cacheDir, this.log) } : {});
    return this.fallback;
  }
}
