/**
 * A pool of worker threads for the per-article stages (src/engine/stageWorker.ts), so indexing
 * uses every core. The engine hands it the articles whose results it lacks, takes the results
 * back into its index and builds the corpus layers once, itself — so results are those of one
 * worker, whatever the number of workers.
 *
 * - Jobs are handed out one at a time to whichever worker is free, the longest texts first,
 *   so one large article does not leave the other workers idle at the end.
 * - A worker that cannot start or dies fails only its jobs: the engine then computes those
 *   articles in-process, as it would without a pool.
 * - Workers are started on first use and stopped after `idleMs` without work (the CLI stops
 *   them at once with `dispose`).
 */
import { existsSync } from 'fs';
import { availableParallelism, cpus } from 'os';
import * as path from 'path';
import { Worker } from 'worker_threads';
import type { StageJob, StageReply, StageResults } from './stageJobs';

/** A job as the engine hands it over; the pool numbers it. */
export type PoolTask = Omit<StageJob, 'id'>;

export type PoolResult = Readonly<StageResults>;

export interface StagePoolOptions {
  /** How many workers (at least 2; one worker is the engine's own thread, no pool). */
  readonly workers: number;
  /** The entity model file the workers load (`selectedModelFile()`), or undefined for the built-in one. */
  readonly model?: string;
  /** The worker script (default `stageWorker.js` beside this bundle). */
  readonly workerFile?: string;
  /** Stop idle workers after this long (default: never; call dispose). */
  readonly idleMs?: number;
}

/**
 * The young generation of a worker's heap (V8 sizes it as three semi-spaces). Analysis keeps
 * much of what it allocates for a while (per-word caches, an article's tokens and features),
 * so with V8's default 16 MB semi-spaces most of that is copied by scavenge after scavenge;
 * 64 MB semi-spaces take about an eighth off a worker's CPU time on news text, at the same peak memory.
 */
const WORKER_YOUNG_GENERATION_MB = 3 * 64;

/** The number of cores this process may use. */
export function coreCount(): number {
  try {
    return Math.max(1, availableParallelism());
  } catch {
    return Math.max(1, cpus().length);
  }
}

/** `stageWorker.js` beside the running bundle (dist/), or undefined when there is none (run from the sources). */
export function defaultStageWorkerFile(): string | undefined {
  const file = path.join(__dirname, 'stageWorker.js');
  return existsSync(file) ? file : undefined;
}

interface Slot {
  worker: Worker | undefined;
  busy: { id: number; resolve: (r: PoolResult | undefined) => void } | undefined;
  done: number;
  failed: boolean;
}

interface Queued {
  readonly job: StageJob;
  readonly resolve: (r: PoolResult | undefined) => void;
}

export class StagePool {
  private readonly slots: Slot[];
  private readonly queue: Queued[] = [];
  private nextId = 1;
  private idleTimer: NodeJS.Timeout | undefined;
  private disposed = false;

  constructor(private readonly options: StagePoolOptions) {
    this.slots = Array.from({ length: Math.max(1, Math.floor(options.workers)) }, () => ({ worker: undefined, busy: undefined, done: 0, failed: false }));
  }

  get size(): number {
    return this.slots.length;
  }

  /** Jobs each worker has finished since the pool was made. */
  jobsDone(): number[] {
    return this.slots.map((s) => s.done);
  }

  /**
   * Runs every task on the workers; each answer is its results, or undefined when a worker
   * could not do it (the caller computes that one itself).
   */
  run(tasks: readonly PoolTask[]): Promise<Array<PoolResult | undefined>> {
    if (this.disposed || tasks.length === 0) return Promise.resolve(tasks.map(() => undefined));
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = undefined;
    const order = tasks.map((_, k) => k).sort((a, b) => tasks[b].text.length - tasks[a].text.length || a - b);
    const answers = new Array<Promise<PoolResult | undefined>>(tasks.length);
    for (const k of order) {
      const job: StageJob = { ...tasks[k], id: this.nextId++ };
      answers[k] = new Promise((resolve) => this.queue.push({ job, resolve }));
    }
    this.pump();
    return Promise.all(answers).finally(() => this.armIdle());
  }

  dispose(): void {
    this.disposed = true;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    for (const q of this.queue.splice(0)) q.resolve(undefined);
    for (const s of this.slots) this.stop(s);
  }

  private pump(): void {
    for (const slot of this.slots) {
      if (this.queue.length === 0) return;
      if (slot.busy || slot.failed) continue;
      const worker = this.start(slot);
      if (!worker) continue;
      const next = this.queue.shift()!;
      slot.busy = { id: next.job.id, resolve: next.resolve };
      worker.postMessage(next.job);
    }
    // Every worker failed: nothing will take the rest, so they go back to the engine.
    if (this.slots.every((s) => s.failed)) for (const q of this.queue.splice(0)) q.resolve(undefined);
  }

  private start(slot: Slot): Worker | undefined {
    if (slot.worker) return slot.worker;
    const file = this.options.workerFile ?? defaultStageWorkerFile();
    if (!file) {
      slot.failed = true;
      return undefined;
    }
    let worker: Worker;
    try {
      worker = new Worker(file, { workerData: { model: this.options.model }, resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB } });
    } catch {
      slot.failed = true;
      return undefined;
    }
    worker.on('message', (reply: StageReply) => {
      const busy = slot.busy;
      if (!busy || busy.id !== reply.id) return;
      slot.busy = undefined;
      slot.done++;
      busy.resolve(reply.ok ? { ...(reply.article ? { article: reply.article } : {}), ...(reply.mentions ? { mentions: reply.mentions } : {}) } : undefined);
      this.pump();
    });
    const failed = () => {
      if (slot.worker !== worker) return;
      slot.worker = undefined;
      slot.failed = true;
      const busy = slot.busy;
      slot.busy = undefined;
      busy?.resolve(undefined);
      this.pump();
    };
    worker.on('error', failed);
    worker.on('exit', failed);
    slot.worker = worker;
    return worker;
  }

  private stop(slot: Slot): void {
    const worker = slot.worker;
    slot.worker = undefined;
    const busy = slot.busy;
    slot.busy = undefined;
    busy?.resolve(undefined);
    if (worker) void worker.terminate();
  }

  private armIdle(): void {
    const idle = this.options.idleMs;
    if (idle === undefined || this.disposed || this.queue.length > 0 || this.slots.some((s) => s.busy)) return;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => {
      this.idleTimer = undefined;
      if (this.queue.length > 0 || this.slots.some((s) => s.busy)) return;
      for (const s of this.slots) this.stop(s);
    }, idle);
    this.idleTimer.unref?.();
  }
}
