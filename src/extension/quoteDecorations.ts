/** Marks quotes in visible articles, with the speaker's name as faint text after each. */
import * as vscode from 'vscode';
import { ArticleDecorator } from './articleDecorator';
import type { ArticleState, CorpusService } from './corpusService';
import { mentionRange, type EntityService } from './entityService';

const MAX_QUOTES = 2000;

export class QuoteDecorations extends ArticleDecorator {
  private readonly type = vscode.window.createTextEditorDecorationType({
    backgroundColor: new vscode.ThemeColor('corpusLens.quote.background'),
    borderWidth: '0 0 0 2px',
    borderStyle: 'solid',
    borderColor: new vscode.ThemeColor('corpusLens.quote.border'),
    rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
  });
  private readonly painted = new Map<string, number>();

  constructor(
    corpus: CorpusService,
    private readonly entities: EntityService,
    private enabled: boolean,
    private showSpeakers: boolean,
  ) {
    super(corpus, [entities.onDidChange]);
    this.disposables.push(this.type);
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

  protected decorate(editor: vscode.TextEditor, _state: ArticleState): void {
    const doc = editor.document;
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
