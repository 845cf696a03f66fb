/** The corpus-wide entity layer as the views see it, refreshed from the worker after changes. */
import * as vscode from 'vscode';
import type { AnalysisClient } from './analysisClient';
import type { EntitySnapshot, EntitySummary, MentionLocation, QuoteLocation, RangeLocation } from './analysisProtocol';
import type { CorpusService } from './corpusService';

export class EntityService implements vscode.Disposable {
  private snapshot: EntitySnapshot = { generation: -1, entities: [], mentions: {}, quotes: {}, millis: 0 };
  private byId = new Map<string, EntitySummary>();
  private readonly emitter = new vscode.EventEmitter<void>();
  private readonly subscription: vscode.Disposable;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private refreshing: Promise<void> | undefined;
  private reportedError = false;
  readonly onDidChange = this.emitter.event;

  constructor(
    corpus: CorpusService,
    private readonly analysis: AnalysisClient,
    private readonly log: (message: string) => void,
  ) {
    this.subscription = corpus.onDidChange(() => this.schedule());
  }

  /** Resolves once the entity layer reflects every change made so far. */
  async refreshNow(): Promise<void> {
    clearTimeout(this.timer);
    await this.refreshing;
    this.refreshing = this.refresh();
    await this.refreshing;
  }

  entities(): readonly EntitySummary[] {
    return this.snapshot.entities;
  }

  entity(id: string): EntitySummary | undefined {
    return this.byId.get(id);
  }

  mentionsIn(uri: vscode.Uri): readonly MentionLocation[] {
    return this.snapshot.mentions[uri.toString()] ?? [];
  }

  mentionAt(uri: vscode.Uri, position: vscode.Position): MentionLocation | undefined {
    return this.mentionsIn(uri).find((m) => {
      const start = new vscode.Position(m.line, m.character);
      const end = new vscode.Position(m.endLine, m.endCharacter);
      return position.isAfterOrEqual(start) && position.isBeforeOrEqual(end);
    });
  }

  quotesIn(uri: vscode.Uri): readonly QuoteLocation[] {
    return this.snapshot.quotes[uri.toString()] ?? [];
  }

  quoteAt(uri: vscode.Uri, position: vscode.Position): { quote: QuoteLocation; index: number } | undefined {
    const quotes = this.quotesIn(uri);
    const index = quotes.findIndex((q) => mentionRange(q).contains(position));
    return index >= 0 ? { quote: quotes[index], index } : undefined;
  }

  /** Every quote in the corpus, articles in path order. */
  allQuotes(): Array<{ uri: vscode.Uri; quote: QuoteLocation; index: number }> {
    return Object.keys(this.snapshot.quotes)
      .sort()
      .flatMap((u) => this.snapshot.quotes[u].map((quote, index) => ({ uri: vscode.Uri.parse(u), quote, index })));
  }

  quote(uri: string, index: number): QuoteLocation | undefined {
    return this.snapshot.quotes[uri]?.[index];
  }

  /** Every mention of one entity across the corpus, articles in path order. */
  mentionsOf(entityId: string): Array<{ uri: vscode.Uri; mention: MentionLocation }> {
    const out: Array<{ uri: vscode.Uri; mention: MentionLocation }> = [];
    for (const uri of Object.keys(this.snapshot.mentions).sort()) {
      for (const m of this.snapshot.mentions[uri]) if (m.entityId === entityId) out.push({ uri: vscode.Uri.parse(uri), mention: m });
    }
    return out;
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refreshNow(), 150);
  }

  private async refresh(): Promise<void> {
    try {
      const next = await this.analysis.entities();
      if (next.error && !this.reportedError) {
        this.reportedError = true;
        this.log(next.error);
        void vscode.window.showWarningMessage(`Corpus Lens: ${next.error}`);
      }
      if (next.generation === this.snapshot.generation) return;
      this.snapshot = next;
      this.byId = new Map(next.entities.map((e) => [e.id, e]));
      this.log(`Resolved ${next.entities.length} entities in ${next.millis} ms.`);
      this.emitter.fire();
    } catch (e) {
      this.log(`Entity resolution failed: ${(e as Error).message}`);
    }
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.subscription.dispose();
    this.emitter.dispose();
  }
}

export function mentionRange(m: RangeLocation): vscode.Range {
  return new vscode.Range(m.line, m.character, m.endLine, m.endCharacter);
}
