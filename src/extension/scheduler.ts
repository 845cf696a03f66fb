/**
 * The one way the extension waits before doing something again: a debounced task with a named
 * delay. Every pause the editor takes is listed here, so they can be read (and tuned) together.
 */
import type * as vscode from 'vscode';

/** How long each kind of follow-up waits for the changes that trigger it to stop (ms). */
export const DELAYS = {
  /** Decorations repaint after the analysis or the visible editors change. */
  paint: 30,
  /** The Events view redraws after a burst of corpus changes. */
  eventsView: 50,
  /** The entity layer is asked for after articles settle. */
  entities: 150,
  /** Events are regrouped after the entity layer or the corpus changes. */
  events: 250,
  /** A Compare panel re-renders after its articles change. */
  compare: 400,
  /** An article is read again after its sidecar changes on disk (two watchers may report it). */
  sidecar: 30,
  /** Shared passages are looked for again after the corpus changes. */
  reuse: 400,
  /** A Provenance panel re-renders after its articles change. */
  provenance: 400,
  /** The user's annotations are written to their sidecars after edits pause. */
  saveAnnotations: 800,
} as const;

/** Runs `task` once, `delay` ms after the last `schedule()`; `cancel()` drops a pending run. */
export class Debounced implements vscode.Disposable {
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly delay: number | (() => number),
    private readonly task: () => void,
  ) {}

  /** Runs the task after the delay (or `ms`, once), unless scheduled again meanwhile. */
  schedule(ms?: number): void {
    this.cancel();
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.task();
    }, ms ?? (typeof this.delay === 'number' ? this.delay : this.delay()));
  }

  get pending(): boolean {
    return this.timer !== undefined;
  }

  cancel(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  dispose(): void {
    this.cancel();
  }
}

/**
 * A view kept current from the worker: `schedule()` refreshes once changes pause (`delay`),
 * one refresh at a time; `now()` resolves once a refresh begun after every change so far has
 * finished (what the tests' "settled" waits for).
 */
export class Refresher implements vscode.Disposable {
  private readonly soon: Debounced;
  private running: Promise<void> | undefined;

  constructor(
    delay: number | (() => number),
    private readonly refresh: () => Promise<void>,
  ) {
    this.soon = new Debounced(delay, () => void this.now());
  }

  schedule(): void {
    this.soon.schedule();
  }

  async now(): Promise<void> {
    this.soon.cancel();
    await this.running;
    this.running = this.refresh();
    await this.running;
  }

  dispose(): void {
    this.soon.dispose();
  }
}

/** One debounced task per key (per article, say). */
export class DebouncedByKey<K> implements vscode.Disposable {
  private readonly tasks = new Map<K, Debounced>();

  constructor(private readonly delay: number | (() => number)) {}

  schedule(key: K, task: () => void): void {
    this.tasks.get(key)?.cancel();
    const d = new Debounced(this.delay, () => {
      this.tasks.delete(key);
      task();
    });
    this.tasks.set(key, d);
    d.schedule();
  }

  cancel(key: K): void {
    this.tasks.get(key)?.cancel();
    this.tasks.delete(key);
  }

  dispose(): void {
    this.tasks.forEach((t) => t.cancel());
    this.tasks.clear();
  }
}
