/** Marks quotes in visible articles, with the speaker's name as faint text after each. */
import * as vscode from 'vscode';
import { ArticleDecorator } from './articleDecorator';
import { rangeIn } from './navigation';
import type { TextVersion } from './analysisProtocol';
import type { ArticleState, CorpusService } from './corpusService';
import type { EntityService } from './entityService';

const MAX_QUOTES = 2000;

export class QuoteDecorations extends ArticleDecorator {
  private readonly type = vscode.window.createTextEditorDecorationType({
    backgroundColor: new vscode.ThemeColor('corpusLens.quote.background'),
    borderWidth: '0 0 0 2px',
    borderStyle: 'solid',
    borderColor: new vscode.ThemeColor('corpusLens.quote.border'),
    rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
  });
  /** The speaker's name, after the closing mark and any punctuation inside it, never within the quotation. */
  private readonly labelType = vscode.window.createTextEditorDecorationType({ rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed });

  constructor(
    corpus: CorpusService,
    private readonly entities: EntityService,
    private enabled: boolean,
    private showSpeakers: boolean,
  ) {
    super(corpus, [entities.onDidChange]);
    this.disposables.push(this.type, this.labelType);
    this.schedule();
  }

  configure(enabled: boolean, showSpeakers: boolean): void {
    this.enabled = enabled;
    this.showSpeakers = showSpeakers;
    this.schedule();
  }

  protected override versionOf(state: ArticleState): TextVersion | undefined {
    return this.entities.versionOf(state.uri);
  }

  protected decorate(editor: vscode.TextEditor, _state: ArticleState): void {
    const doc = editor.document;
    const quotes = this.enabled ? this.entities.quotesIn(doc.uri).slice(0, MAX_QUOTES) : [];
    const options: vscode.DecorationOptions[] = quotes.map((q) => ({ range: rangeIn(doc, q) }));
    const labels: vscode.DecorationOptions[] = [];
    const painted: Array<{ offset: number; text: string }> = [];
    if (this.showSpeakers) {
      const text = doc.getText();
      for (const q of quotes) {
        if (!q.speaker) continue;
        const at = afterClosingMark(text, q.end);
        const contentText = ` — ${q.speaker.name}`;
        labels.push({ range: rangeIn(doc, { start: at, end: at }), renderOptions: { after: { contentText, color: new vscode.ThemeColor('corpusLens.quote.speaker'), fontStyle: 'italic' } } });
        painted.push({ offset: at, text: contentText });
      }
    }
    editor.setDecorations(this.type, options);
    editor.setDecorations(this.labelType, labels);
    this.painted(editor, options.map((o) => o.range), painted);
  }
}

/**
 * The offset just past a quote's closing mark: the punctuation typed inside the marks
 * (`ties,"`) and the marks themselves (`''`, `”’`) belong to the quotation. A quote whose
 * close was lost keeps its end.
 */
export function afterClosingMark(text: string, end: number): number {
  const m = /^[,.;:!?…]*["”’»']+/.exec(text.slice(end, end + 8));
  return m ? end + m[0].length : end;
}
