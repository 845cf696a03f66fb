/**
 * The corpus-wide entity layer as the views see it, refreshed from the worker after changes.
 * The worker sends only what changed (per article, with the text version it was found in), and
 * the decorations paint an article's mentions only on that version of its text.
 */
import * as vscode from 'vscode';
import { CancelledError, type AnalysisClient } from './analysisClient';
import type { ArticleEntities, EntitiesUpdate, EntitySummary, MentionLocation, QuoteLocation, TextVersion } from './analysisProtocol';
import { spanAtPosition } from './navigation';
import { target, type Span, type Target } from './targets';
import { describes } from './articleDecorator';
import type { CorpusService } from './corpusService';
import { DELAYS, Refresher } from './scheduler';

export class EntityService implements vscode.Disposable {
  private generation = -1;
  private byId = new Map<string, EntitySummary>();
  private readonly articles = new Map<string, ArticleEntities>();
  private readonly emitter = new vscode.EventEmitter<void>();
  private readonly subscription: vscode.Disposable;
  private readonly refresher = new Refresher(DELAYS.entities, () => this.refresh());
  private readonly reportedErrors = new Set<string>();
  readonly onDidChange = this.emitter.event;

  constructor(
    corpus: CorpusService,
    private readonly analysis: AnalysisClient,
    private readonly log: (message: string) => void,
  ) {
    this.subscription = corpus.onDidChange(() => {
      if (!corpus.indexing) this.refresher.schedule();
    });
  }

  /** Resolves once the entity layer reflects every change made so far. */
  refreshNow(): Promise<void> {
    return this.refresher.now();
  }

  entities(): readonly EntitySummary[] {
    return [...this.byId.values()];
  }

  entity(id: string): EntitySummary | undefined {
    return this.byId.get(id);
  }

  mentionsIn(uri: vscode.Uri): readonly MentionLocation[] {
    return this.articles.get(uri.toString())?.mentions ?? [];
  }

  /** The version of the article's text its mentions and quotes were found in (undefined: none yet). */
  versionOf(uri: vscode.Uri): TextVersion | undefined {
    return this.articles.get(uri.toString())?.version;
  }

  /** A span of an article as a target, at the text version its entity layer was found in. */
  targetOf(uri: vscode.Uri | string, span: Span): Target {
    const id = uri.toString();
    return target(id, span, this.articles.get(id)?.version ?? null);
  }

  /** The mention at a position of a document (only when its mentions were found in this version of it). */
  mentionAt(doc: vscode.TextDocument, position: vscode.Position): MentionLocation | undefined {
    if (!this.describes(doc)) return undefined;
    return spanAtPosition(doc, this.mentionsIn(doc.uri), position)?.span;
  }

  /** Whether the entity layer's offsets for a document index its text as it is now. */
  private describes(doc: vscode.TextDocument): boolean {
    const version = this.versionOf(doc.uri);
    return version !== undefined && describes(version, doc);
  }

  quotesIn(uri: vscode.Uri): readonly QuoteLocation[] {
    return this.articles.get(uri.toString())?.quotes ?? [];
  }

  quoteAt(doc: vscode.TextDocument, position: vscode.Position): { quote: QuoteLocation; index: number } | undefined {
    if (!this.describes(doc)) return undefined;
    const found = spanAtPosition(doc, this.quotesIn(doc.uri), position);
    return found ? { quote: found.span, index: found.index } : undefined;
  }

  /** Every quote in the corpus, articles in path order. */
  allQuotes(): Array<{ uri: vscode.Uri; quote: QuoteLocation; index: number }> {
    return [...this.articles.keys()]
      .sort()
      .flatMap((u) => this.articles.get(u)!.quotes.map((quote, index) => ({ uri: vscode.Uri.parse(u), quote, index })));
  }

  quote(uri: string, index: number): QuoteLocation | undefined {
    return this.articles.get(uri)?.quotes[index];
  }

  /** Every mention of one entity across the corpus, articles in path order. */
  mentionsOf(entityId: string): Array<{ uri: vscode.Uri; mention: MentionLocation }> {
    const out: Array<{ uri: vscode.Uri; mention: MentionLocation }> = [];
    for (const uri of [...this.articles.keys()].sort()) {
      for (const m of this.articles.get(uri)!.mentions) if (m.entityId === entityId) out.push({ uri: vscode.Uri.parse(uri), mention: m });
    }
    return out;
  }

  private async refresh(): Promise<void> {
    let update: EntitiesUpdate;
    try {
      update = await this.analysis.entities(this.generation);
    } catch (e) {
      if (e instanceof CancelledError) return;
      const error = e as Error;
      this.log(`Entity resolution failed: ${error.stack ?? error.message}`);
      this.report(`Entity resolution failed: ${error.message}`);
      return;
    }
    if (update.error) {
      this.log(update.error);
      this.report(update.error);
    }
    if (!this.apply(update)) return;
    this.log(`Resolved ${this.byId.size} entities in ${update.millis} ms (${Object.keys(update.articles).length} article${Object.keys(update.articles).length === 1 ? '' : 's'} changed).`);
    this.emitter.fire();
  }

  /** Merges what changed into what the views read; false when nothing did. */
  private apply(update: EntitiesUpdate): boolean {
    if (update.since === -1) {
      this.byId.clear();
      this.articles.clear();
    } else if (update.since !== this.generation || update.generation === this.generation) {
      return false;
    }
    for (const id of update.removedEntities) this.byId.delete(id);
    for (const e of update.entities) this.byId.set(e.id, e);
    // Entities in the worker's order: most mentioned first.
    this.byId = new Map([...this.byId.values()].sort((a, b) => b.mentionCount - a.mentionCount || a.id.localeCompare(b.id)).map((e) => [e.id, e]));
    for (const [uri, a] of Object.entries(update.articles)) {
      if (a) this.articles.set(uri, a);
      else this.articles.delete(uri);
    }
    this.generation = update.generation;
    return true;
  }

  /** Each distinct problem is shown to the user once, as the worker said it. */
  private report(message: string): void {
    if (this.reportedErrors.has(message)) return;
    this.reportedErrors.add(message);
    void vscode.window.showWarningMessage(`Corpus Lens: ${message}`);
  }

  dispose(): void {
    this.refresher.dispose();
    this.subscription.dispose();
    this.emitter.dispose();
  }
}
