/**
 * What every decoration layer shares: a short debounce, one pass over the visible
 * articles, and the rule that an analysis of another version of the text is never painted
 * (the editor keeps moving the old decorations along with the edits instead).
 */
import * as vscode from 'vscode';
import type { ArticleState, CorpusService } from './corpusService';

export abstract class ArticleDecorator implements vscode.Disposable {
  protected readonly disposables: vscode.Disposable[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    protected readonly corpus: CorpusService,
    changes: ReadonlyArray<vscode.Event<unknown>>,
  ) {
    for (const e of changes) this.disposables.push(e(() => this.schedule()));
    this.disposables.push(vscode.window.onDidChangeVisibleTextEditors(() => this.schedule()));
  }

  /** Paints one visible article whose analysis matches its text. */
  protected abstract decorate(editor: vscode.TextEditor, state: ArticleState): void;

  protected schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.paint(), 30);
  }

  private paint(): void {
    for (const editor of vscode.window.visibleTextEditors) {
      const doc = editor.document;
      const state = this.corpus.get(doc.uri);
      if (!state) continue;
      if (state.status === 'ok' && !(state.version === null ? !doc.isDirty : state.version === doc.version)) continue;
      this.decorate(editor, state);
    }
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.disposables.forEach((d) => d.dispose());
  }
}
