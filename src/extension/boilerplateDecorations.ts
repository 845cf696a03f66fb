/** Dims the boilerplate lines of every visible article. */
import * as vscode from 'vscode';
import { rangeIn } from './navigation';
import { ArticleDecorator } from './articleDecorator';
import type { ArticleState, CorpusService } from './corpusService';

/** Painting more ranges than this in one editor costs more than it tells. */
const MAX_RANGES = 5000;

export class BoilerplateDecorations extends ArticleDecorator {
  private readonly type = vscode.window.createTextEditorDecorationType({
    opacity: '0.45',
    backgroundColor: new vscode.ThemeColor('corpusLens.boilerplateBackground'),
    rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
  });

  constructor(
    corpus: CorpusService,
    private enabled: boolean,
  ) {
    super(corpus, [corpus.onDidChange]);
    this.disposables.push(this.type);
    this.schedule();
  }

  setEnabled(enabled: boolean): void {
    this.enabled = enabled;
    this.schedule();
  }

  protected decorate(editor: vscode.TextEditor, state: ArticleState): void {
    const doc = editor.document;
    if (!this.enabled || state.status !== 'ok') {
      editor.setDecorations(this.type, []);
      this.painted(editor, []);
      return;
    }
    const options: vscode.DecorationOptions[] = state.article.boilerplate.slice(0, MAX_RANGES).map((b) => ({
      range: rangeIn(doc, b),
      hoverMessage: new vscode.MarkdownString(`Corpus Lens: boilerplate (${b.kind})`),
    }));
    editor.setDecorations(this.type, options);
    this.painted(editor, options.map((o) => o.range));
  }
}
