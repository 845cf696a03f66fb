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
  /**
   * The status bar and the editor's context keys are brought up to date after a burst of
   * corpus changes: each reads the whole corpus, and indexing settles thousands of articles.
   */
  status: 100,
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
 * A refresh that took d ms is not begun again sooner than SPACING·d after the next change, so a
 * corpus-wide computation (resolution, events, shared passages) holds the worker at most a
 * quarter of the time while changes keep coming. Without it, indexing 1,000 articles re-resolved
 * the whole corpus after every batch of 16 (60 resolutions of 2–11 s each) and never finished.
 */
export const REFRESH_SPACING = 3;

/**
 * A view kept current from the worker: `schedule()` refreshes once changes pause (`delay`),
 * one refresh at a time; `now()` resolves once a refresh begun after every change so far has
 * finished (what the tests' "settled" waits for). A slow refresh (see REFRESH_SPACING) runs at
 * most once per spacing while changes go on, rather than waiting for them to pause.
 */
export class Refresher implements vscode.Disposable {
  private readonly soon: Debounced;
  private running: Promise<void> | undefined;
  private lastMillis = 0;
  private lastEnded = 0;
  private busy = false;
  private changedWhileBusy = false;

  constructor(
    private readonly delay: number | (() => number),
    private readonly refresh: () => Promise<void>,
    private readonly clock: () => number = Date.now,
  ) {
    this.soon = new Debounced(delay, () => void this.now());
  }

  schedule(): void {
    const base = typeof this.delay === 'number' ? this.delay : this.delay();
    const spacing = REFRESH_SPACING * this.lastMillis;
    if (spacing <= base) return this.soon.schedule();
    // Throttled, not debounced (changes that keep coming must not put it off for ever), and
    // counted from the end of the last run.
    if (this.busy) this.changedWhileBusy = true;
    else if (!this.soon.pending) this.soon.schedule(Math.max(base, this.lastEnded + spacing - this.clock()));
  }

  async now(): Promise<void> {
    this.soon.cancel();
    await this.running;
    const started = this.clock();
    this.busy = true;
    this.running = this.refresh();
    try {
      await this.running;
    } finally {
      this.busy = false;
      this.lastEnded = this.clock();
      this.lastMillis = this.lastEnded - started;
    }
    if (this.changedWhileBusy) {
      this.changedWhileBusy = false;
      this.schedule();
    }
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
