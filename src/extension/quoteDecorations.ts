/** Marks quotes in visible articles, with the speaker's name as faint text after each. */
import * as vscode from 'vscode';
import type { CorpusService } from './corpusService';
import { mentionRange, type EntityService } from './entityService';

const MAX_QUOTES = 2000;

export class QuoteDecorations implements vscode.Disposable {
  private readonly type = vscode.window.createTextEditorDecorationType({
    backgroundColor: new vscode.ThemeColor('corpusLens.quote.background'),
    borderWidth: '0 0 0 2px',
    borderStyle: 'solid',
    borderColor: new vscode.ThemeColor('corpusLens.quote.border'),
    rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
  });
  private readonly disposables: vscode.Disposable[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly painted = new Map<string, number>();

  constructor(
    private readonly corpus: CorpusService,
    private readonly entities: EntityService,
    private enabled: boolean,
    private showSpeakers: boolean,
  ) {
    this.disposables.push(this.type, entities.onDidChange(() => this.schedule()), vscode.window.onDidChangeVisibleTextEditors(() => this.schedule()));
    this.schedule();
  }

  configure(enabled: boolean, showSpeakers: boolean): void {
    this.enabled = enabled;
    this.showSpeakers = showSpeakers;
    this.schedule();
  }

  paintedCount(uri: vscode.Uri): number {
    return this.painted.get(uri.toString()) ?? 0;
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.paint(), 30);
  }

  private paint(): void {
    for (const editor of vscode.window.visibleTextEditors) {
      const doc = editor.document;
      const state = this.corpus.get(doc.uri);
      if (!state) continue;
      if (state.status === 'ok' && !(state.version === null ? !doc.isDirty : state.version === doc.version)) continue;
      const options: vscode.DecorationOptions[] = this.enabled
        ? this.entities
            .quotesIn(doc.uri)
            .slice(0, MAX_QUOTES)
            .map((q) => ({
              range: mentionRange(q),
              renderOptions:
                this.showSpeakers && q.speaker
                  ? { after: { contentText: ` — ${q.speaker.name}`, color: new vscode.ThemeColor('corpusLens.quote.speaker'), fontStyle: 'italic' } }
                  : undefined,
            }))
        : [];
      editor.setDecorations(this.type, options);
      this.painted.set(doc.uri.toString(), options.length);
    }
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.disposables.forEach((d) => d.dispose());
  }
}
