/**
 * Compare Annotations with… (curation, as in INCEpTION): the active article's annotations
 * beside another annotator's copy of it (a corpus folder with sidecars, or a brat folder of
 * `.txt` and `.ann`, matched by file name as `corpus-lens agreement` matches them), the
 * disagreements found by the same matching, and a take of either side — one disagreement or
 * all of them — into the curated version, which is the article's sidecar annotations. Each
 * take is one change of the annotation store (saved to the sidecar like every annotation
 * edit) that the panel's Undo (Ctrl+Z in the panel) takes back. The page is media/curation/.
 */
import * as path from 'path';
import * as vscode from 'vscode';
import { rangeIn } from './navigation';
import type { LabelledSpan } from '../core/annotations/agreement';
import { type UserAnnotation } from '../core/annotations/annotations';
import { annotationSpans, curation, takeAll, takeSide, type Side } from '../core/annotations/curation';
import { readCounterpart } from '../node/annotatedCopies';
import type { CurationPageState, CurationView, FromCurationPage, ToCurationPage } from '../shared/curationProtocol';
import type { AnnotationStore } from './annotationStore';
import type { CorpusService } from './corpusService';
import { curationView } from './curationPage';
import { createPagePanel, PagePanel } from './webviewPanel';

export const CURATION_VIEW_TYPE = 'corpusLens.curation';

export class CurationPanels implements vscode.Disposable {
  private readonly panels = new Set<CurationPanel>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly store: AnnotationStore,
  ) {
    this.disposables.push(
      vscode.window.registerWebviewPanelSerializer(CURATION_VIEW_TYPE, {
        deserializeWebviewPanel: async (panel, state: CurationPageState | undefined) => {
          if (!state?.article || !state.folder) {
            panel.dispose();
            return;
          }
          await this.adopt(panel, vscode.Uri.parse(state.article), state.folder);
        },
      }),
      store.onDidChange((uri) => this.panels.forEach((p) => p.articleChanged(uri))),
      vscode.workspace.onDidChangeTextDocument((e) => this.panels.forEach((p) => p.articleChanged(e.document.uri))),
    );
  }

  async open(article: vscode.Uri, folder: string): Promise<CurationPanel> {
    return this.adopt(createPagePanel(CURATION_VIEW_TYPE, `Curation: ${path.basename(article.fsPath)}`, this.extensionUri), article, folder);
  }

  all(): readonly CurationPanel[] {
    return [...this.panels];
  }

  private async adopt(panel: vscode.WebviewPanel, article: vscode.Uri, folder: string): Promise<CurationPanel> {
    const p = new CurationPanel(panel, article, folder, this.extensionUri, this.store, () => this.panels.delete(p));
    this.panels.add(p);
    await p.load();
    return p;
  }

  dispose(): void {
    this.disposables.forEach((d) => d.dispose());
    for (const p of this.panels) p.dispose();
  }
}

interface Loaded {
  readonly text: string;
  /** The article's annotations when the comparison began: side A. */
  readonly a: readonly UserAnnotation[];
  readonly b: readonly LabelledSpan[];
  readonly nameB: string;
  readonly detailB: string;
}

export class CurationPanel extends PagePanel<ToCurationPage, FromCurationPage> {
  private loaded: Loaded | { readonly error: string } | undefined;
  /** The curated annotations before each take, for Undo. */
  private readonly undoStack: UserAnnotation[][] = [];
  private last: ToCurationPage | null = null;

  constructor(
    panel: vscode.WebviewPanel,
    readonly article: vscode.Uri,
    readonly folder: string,
    extensionUri: vscode.Uri,
    private readonly store: AnnotationStore,
    onDispose: () => void,
  ) {
    // What the page last got is kept for the tests (lastMessage).
    super(panel, 'curation', extensionUri, 150, onDispose, (message) => (this.last = message));
  }

  /** Reads the other annotator's copy and keeps the article's annotations as they are now (side A). */
  async load(): Promise<void> {
    const doc = await vscode.workspace.openTextDocument(this.article);
    const text = doc.getText();
    const root = vscode.workspace.getWorkspaceFolder(this.article)?.uri.fsPath ?? path.dirname(this.article.fsPath);
    const key = path.relative(root, this.article.fsPath).split(path.sep).join('/').replace(/\.[^./]*$/, '');
    const found = await readCounterpart(this.folder, key, text);
    if (!found.ok) this.loaded = { error: found.message };
    else {
      const kind = found.kind === 'brat' ? 'brat annotations' : 'corpus sidecars';
      this.loaded = { text, a: this.store.annotationsOf(this.article), b: found.article.spans, nameB: path.basename(this.folder), detailB: `${kind} of ${found.article.file}` };
    }
    await this.refresh();
  }

  /** What the page last got: for the tests. */
  lastMessage(): ToCurationPage | null {
    return this.last;
  }

  view(): CurationView | null {
    return this.last?.type === 'render' ? this.last.view : null;
  }

  articleChanged(uri: vscode.Uri): void {
    if (uri.toString() === this.article.toString()) this.scheduleRefresh();
  }

  protected async onMessage(m: FromCurationPage): Promise<void> {
    if (m.type === 'take' || m.type === 'takeAll') {
      await this.take(m.type === 'take' ? m.key : null, m.side);
    } else if (m.type === 'undo') {
      const before = this.undoStack.pop();
      if (before) this.store.update(this.article, () => before);
      await this.refresh();
    } else if (m.type === 'reveal') {
      const doc = await vscode.workspace.openTextDocument(this.article);
      const range = rangeIn(doc, m);
      await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.One, selection: range, preserveFocus: true });
    }
  }

  private current(): { state: Loaded; text: string; items: ReturnType<typeof curation> } | { error: string } {
    const state = this.loaded;
    if (!state) return { error: 'Reading the other copy…' };
    if ('error' in state) return state;
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === this.article.toString());
    const text = doc?.getText() ?? state.text;
    if (text !== state.text) return { error: `${path.basename(this.article.fsPath)} changed since the comparison began, so the other copy's annotations no longer line up with it. Run Compare Annotations with… again.` };
    return { state, text, items: curation(text, annotationSpans(state.a), state.b, annotationSpans(this.store.annotationsOf(this.article))) };
  }

  private async take(key: string | null, side: Side): Promise<void> {
    const now = this.current();
    if ('error' in now) return;
    const items = key === null ? now.items.items : now.items.items.filter((i) => i.key === key);
    if (items.length === 0) return;
    let before: UserAnnotation[] | undefined;
    let changed = false;
    this.store.update(this.article, (cur) => {
      before = [...cur];
      const next = key === null ? takeAll(cur, now.text, items, side) : takeSide(cur, now.text, items[0], side);
      changed = next.length !== cur.length || next.some((x, i) => x !== cur[i]);
      return next;
    });
    if (before && changed) this.undoStack.push(before);
    await this.refresh();
  }

  protected async refresh(): Promise<void> {
    if (!this.ready) return;
    const now = this.current();
    const name = path.basename(this.article.fsPath);
    this.panel.title = `Curation: ${name}`;
    if ('error' in now) {
      await this.post({ type: 'error', message: now.error });
      return;
    }
    const view = curationView({
      title: name,
      text: now.text,
      a: annotationSpans(now.state.a),
      b: now.state.b,
      items: now.items.items,
      agreed: now.items.agreed,
      sideA: { name: 'yours', detail: 'this corpus’s annotations as they were when the comparison began' },
      sideB: { name: now.state.nameB, detail: now.state.detailB },
      canUndo: this.undoStack.length > 0,
    });
    await this.post({ type: 'render', view, state: { article: this.article.toString(), folder: this.folder } });
  }
}

/** Corpus Lens: Compare Annotations with… — on the active article, with a folder picked (or given). */
export function registerCurationCommand(corpus: CorpusService, panels: CurationPanels): vscode.Disposable {
  return vscode.commands.registerCommand('corpusLens.compareAnnotations', async (arg?: unknown) => {
    const given = (arg && typeof arg === 'object' && !(arg instanceof vscode.Uri) ? arg : {}) as { uri?: string; folder?: string };
    const uri = arg instanceof vscode.Uri ? arg : given.uri ? vscode.Uri.parse(given.uri) : vscode.window.activeTextEditor?.document.uri;
    if (!uri || !corpus.isArticle(uri)) {
      void vscode.window.showInformationMessage('Open an article of the corpus first: Compare Annotations with… compares its annotations with another annotator’s copy.');
      return undefined;
    }
    let folder = given.folder;
    if (!folder) {
      const picked = await vscode.window.showOpenDialog({
        canSelectFolders: true,
        canSelectFiles: false,
        canSelectMany: false,
        title: `Compare the annotations of ${path.basename(uri.fsPath)} with…`,
        openLabel: 'Compare',
        defaultUri: vscode.workspace.getWorkspaceFolder(uri)?.uri,
      });
      folder = picked?.[0]?.fsPath;
    }
    if (!folder) return undefined;
    return panels.open(uri, folder);
  });
}
