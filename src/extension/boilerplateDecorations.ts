/** Dims the boilerplate lines of every visible article, redrawn after a short pause. */
import * as vscode from 'vscode';
import type { CorpusService } from './corpusService';

/** Painting more ranges than this in one editor costs more than it tells. */
const MAX_RANGES = 5000;

export class BoilerplateDecorations implements vscode.Disposable {
  private readonly type = vscode.window.createTextEditorDecorationType({
    opacity: '0.45',
    backgroundColor: new vscode.ThemeColor('corpusLens.boilerplateBackground'),
    rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
  });
  private readonly disposables: vscode.Disposable[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** What was last painted per document, for tests and for skipping identical repaints. */
  private readonly painted = new Map<string, vscode.Range[]>();

  constructor(
    private readonly corpus: CorpusService,
    private enabled: boolean,
  ) {
    this.disposables.push(
      this.type,
      corpus.onDidChange(() => this.schedule()),
      vscode.window.onDidChangeVisibleTextEditors(() => this.schedule()),
    );
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

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.paint(), 30);
  }

  private paint(): void {
    for (const editor of vscode.window.visibleTextEditors) {
      const doc = editor.document;
      const state = this.corpus.get(doc.uri);
      if (!state) continue;
      if (!this.enabled || state.status !== 'ok') {
        editor.setDecorations(this.type, []);
        this.painted.delete(doc.uri.toString());
        continue;
      }
      // A result for another version would land on the wrong text: keep the old
      // decorations, which the editor has been moving along with the edits.
      const current = state.version === null ? !doc.isDirty : state.version === doc.version;
      if (!current) continue;
      const options: vscode.DecorationOptions[] = state.article.boilerplate.slice(0, MAX_RANGES).map((b) => ({
        range: new vscode.Range(doc.positionAt(b.start), doc.positionAt(b.end)),
        hoverMessage: new vscode.MarkdownString(`Corpus Lens: boilerplate (${b.kind})`),
      }));
      editor.setDecorations(this.type, options);
      this.painted.set(doc.uri.toString(), options.map((o) => o.range));
    }
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.disposables.forEach((d) => d.dispose());
  }
}
