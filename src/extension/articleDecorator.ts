/**
 * What every decoration layer shares: a short debounce, one pass over the visible
 * articles, and the rule that an analysis of another version of the text is never painted
 * (the editor keeps moving the old decorations along with the edits instead).
 */
import * as vscode from 'vscode';
import type { TextVersion } from './analysisProtocol';
import { DELAYS, Debounced } from './scheduler';
import type { ArticleState, CorpusService } from './corpusService';

/** What a layer painted in one editor: ranges in the document at `version`, and after-text labels. */
export interface Painted {
  readonly editor: vscode.TextEditor;
  readonly uri: vscode.Uri;
  /** The document version painted on. */
  readonly version: number;
  readonly ranges: readonly vscode.Range[];
  readonly labels?: ReadonlyArray<{ readonly offset: number; readonly text: string }>;
}

/** Edits of ours in flight, and the decorators waiting for them to land. */
let holds = 0;
const waiting = new Set<ArticleDecorator>();

/**
 * Runs an edit of ours with painting held until it has landed. Decorations are ranges in the
 * renderer's copy of the document: a paint computed on the text before an edit and sent while
 * the edit is in flight lands on the text after it, shifted (Strip Boilerplate's deletions
 * moved every name and quote up by the lines they removed).
 */
export async function withPaintingHeld<T>(edit: () => Thenable<T>): Promise<T> {
  holds++;
  try {
    return await edit();
  } finally {
    holds--;
    if (holds === 0) {
      const again = [...waiting];
      waiting.clear();
      again.forEach((d) => d.repaintSoon());
    }
  }
}

export abstract class ArticleDecorator implements vscode.Disposable {
  protected readonly disposables: vscode.Disposable[] = [];
  private readonly paintEmitter = new vscode.EventEmitter<Painted>();
  /** Fires after each paint of an editor (the test API listens; views could). */
  readonly onDidPaint = this.paintEmitter.event;
  private readonly repaint = new Debounced(DELAYS.paint, () => this.paint());

  constructor(
    protected readonly corpus: CorpusService,
    changes: ReadonlyArray<vscode.Event<unknown>>,
  ) {
    for (const e of changes) this.disposables.push(e(() => this.schedule()));
    this.disposables.push(this.paintEmitter, vscode.window.onDidChangeVisibleTextEditors(() => this.schedule()));
  }

  /** Paints one visible article whose analysis matches its text. */
  protected abstract decorate(editor: vscode.TextEditor, state: ArticleState): void;

  /**
   * The text version the painted result was computed for (undefined: nothing to paint, which
   * clears). By default the article's own analysis; layers painted from the entity layer say its.
   */
  protected versionOf(state: ArticleState): TextVersion | undefined {
    return state.status === 'ok' ? state.version : undefined;
  }

  /** Subclasses report each paint here. */
  protected painted(editor: vscode.TextEditor, ranges: readonly vscode.Range[], labels?: Painted['labels']): void {
    this.paintEmitter.fire({ editor, uri: editor.document.uri, version: editor.document.version, ranges, ...(labels ? { labels } : {}) });
  }

  /** Paints again after the usual pause. */
  repaintSoon(): void {
    this.schedule();
  }

  protected schedule(): void {
    this.repaint.schedule();
  }

  private paint(): void {
    if (holds > 0) {
      waiting.add(this);
      return;
    }
    for (const editor of vscode.window.visibleTextEditors) {
      const doc = editor.document;
      const state = this.corpus.get(doc.uri);
      if (!state) continue;
      const version = this.versionOf(state);
      if (version !== undefined && !describes(version, doc)) continue;
      this.decorate(editor, state);
    }
  }

  dispose(): void {
    this.repaint.dispose();
    this.disposables.forEach((d) => d.dispose());
  }
}

/** Whether a result computed for `version` describes the document as it is now. */
export function describes(version: TextVersion, doc: vscode.TextDocument): boolean {
  return version === null ? !doc.isDirty : version === doc.version;
}
