/** The corpus's events as the views see them, recomputed in the worker after changes. */
import * as vscode from 'vscode';
import type { CorpusEvent } from '../core/events/corpusEvents';
import type { AnalysisClient } from './analysisClient';
import type { CorpusService } from './corpusService';
import type { EntityService } from './entityService';
import { DELAYS, Refresher } from './scheduler';

export interface EventSettings {
  threshold: number;
  maxGapDays: number;
}

export class EventService implements vscode.Disposable {
  private current: readonly CorpusEvent[] = [];
  private computed = false;
  private signature = '';
  private readonly emitter = new vscode.EventEmitter<void>();
  private readonly subscriptions: vscode.Disposable[];
  private readonly refresher = new Refresher(DELAYS.events, () => this.refresh());
  private reportedError: string | undefined;
  readonly onDidChange = this.emitter.event;

  constructor(
    private readonly corpus: CorpusService,
    entities: EntityService,
    private readonly analysis: AnalysisClient,
    private settings: EventSettings,
    private readonly log: (message: string) => void,
  ) {
    // Labels use entity names, so events follow the entity layer.
    this.subscriptions = [entities.onDidChange(() => this.refresher.schedule()), corpus.onDidChange(() => {
        if (!corpus.indexing) this.refresher.schedule();
      })];
  }

  get ready(): boolean {
    return this.computed;
  }

  events(): readonly CorpusEvent[] {
    return this.current;
  }

  eventOf(uri: vscode.Uri): CorpusEvent | undefined {
    const key = uri.toString();
    return this.current.find((e) => e.articles.includes(key));
  }

  applySettings(settings: EventSettings): void {
    this.settings = settings;
    this.refresher.schedule();
  }

  /** Resolves once the events reflect every change made so far. */
  refreshNow(): Promise<void> {
    return this.refresher.now();
  }

  private async refresh(): Promise<void> {
    if (!this.corpus.indexed) return;
    const total = this.corpus.all().length;
    try {
      const snapshot = await this.corpus.withProgressWhenLarge('Corpus Lens: grouping articles into events', () => this.analysis.events(this.settings.threshold, this.settings.maxGapDays));
      // Corpus and entity changes both ask for a grouping, often of the same state: say and
      // show only what changed.
      const signature = JSON.stringify(snapshot.events);
      if (this.computed && signature === this.signature && !snapshot.error) return;
      this.signature = signature;
      if (snapshot.error) this.log(snapshot.error);
      this.current = snapshot.events;
      this.computed = true;
      this.log(`Grouped ${total} ${total === 1 ? 'article' : 'articles'} into ${snapshot.events.length} ${snapshot.events.length === 1 ? 'event' : 'events'} in ${snapshot.millis} ms.`);
      this.emitter.fire();
    } catch (e) {
      const error = e as Error;
      this.log(`Event grouping failed: ${error.stack ?? error.message}`);
      if (error.message !== this.reportedError) void vscode.window.showWarningMessage(`Corpus Lens: event grouping failed: ${error.message}`);
      this.reportedError = error.message;
    }
  }

  dispose(): void {
    this.refresher.dispose();
    this.subscriptions.forEach((s) => s.dispose());
    this.emitter.dispose();
  }
}
