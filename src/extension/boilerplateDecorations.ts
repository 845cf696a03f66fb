/** Dims the boilerplate lines of every visible article. */
import * as vscode from 'vscode';
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
  /** What was last painted per document, for tests. */
  private readonly painted = new Map<string, vscode.Range[]>();

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
    this.painted.clear();
    this.schedule();
  }

  rangesFor(uri: vscode.Uri): readonly vscode.Range[] {
    return this.painted.get(uri.toString()) ?? [];
  }

  protected decorate(editor: vscode.TextEditor, state: ArticleState): void {
    const doc = editor.document;
    if (!this.enabled || state.status !== 'ok') {
      editor.setDecorations(this.type, []);
      this.painted.delete(doc.uri.toString());
      return;
    }
    const options: vscode.DecorationOptions[] = state.article.boilerplate.slice(0, MAX_RANGES).map((b) => ({
      range: new vscode.Range(doc.positionAt(b.start), doc.positionAt(b.end)),
      hoverMessage: new vscode.MarkdownString(`Corpus Lens: boilerplate (${b.kind})`),
    }));
    editor.setDecorations(this.type, options);
    this.painted.set(doc.uri.toString(), options.map((o) => o.range));
  }
}
