/** Reading and writing sidecars for workspace articles, with corrupt files shown in Problems. */
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { ArticleMetadata } from '../core/article';
import { SIDECAR_FOLDER, sidecarPathFor, type Sidecar } from '../core/sidecar';
import { watchTree } from '../node/treeWatcher';
import { inSidecarTurn, readSidecar, relativeArticlePath, updateSidecar, writeSidecar, type SidecarUpdate } from '../node/files';

export class SidecarFiles implements vscode.Disposable {
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('corpus-lens-sidecar');
  /** Sidecars known to be damaged, with the error, so each damage is announced once. */
  private readonly damaged = new Map<string, string>();
  private readonly repairsLogged = new Set<string>();
  private readonly watchers: vscode.Disposable[] = [];
  private readonly changeEmitter = new vscode.EventEmitter<{ folder: vscode.WorkspaceFolder; sidecar: vscode.Uri }>();
  /** Fires with each sidecar file created, changed or deleted on disk (by VS Code's watcher or our own). */
  readonly onDidChange = this.changeEmitter.event;
  /** Each article's review mark as last read from its sidecar (by URI). */
  private readonly reviewedMarks = new Map<string, boolean>();
  private readonly reviewedEmitter = new vscode.EventEmitter<vscode.Uri>();
  /** An article's review mark changed (read anew, or written here). */
  readonly onDidChangeReviewed = this.reviewedEmitter.event;

  constructor(private readonly log: (message: string) => void) {
    // A sidecar damaged from outside (a bad merge, a hand edit) is announced when it changes,
    // not only the next time its article is analysed. VS Code's watcher misses sidecars in a
    // folder created in one go (see node/treeWatcher.ts), so a watch of our own backs it up;
    // a change both report is checked twice, which is harmless.
    this.watchers.push(this.changeEmitter);
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      const changed = (uri: vscode.Uri) => {
        if (!uri.fsPath.endsWith('.json')) return;
        this.changeEmitter.fire({ folder, sidecar: uri });
        if (fs.existsSync(uri.fsPath)) void this.check(folder.uri.fsPath, uri);
        else {
          this.damaged.delete(uri.fsPath);
          this.diagnostics.delete(uri);
        }
      };
      const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, `${SIDECAR_FOLDER}/**/*.json`));
      watcher.onDidCreate(changed);
      watcher.onDidChange(changed);
      watcher.onDidDelete(changed);
      this.watchers.push(watcher);
      if (folder.uri.scheme === 'file') {
        const tree = watchTree(path.join(folder.uri.fsPath, SIDECAR_FOLDER), (file) => changed(vscode.Uri.file(file)));
        this.watchers.push({ dispose: () => tree.dispose() });
      }
    }
  }

  /** Reads a changed sidecar file and reports it at once if it cannot be used. */
  async check(root: string, sidecar: vscode.Uri): Promise<void> {
    const rel = path.relative(path.join(root, SIDECAR_FOLDER), sidecar.fsPath).split(path.sep).join('/');
    if (!rel.endsWith('.json') || rel.startsWith('..')) return;
    // The corpus's own entity model (.corpus-lens/model/model.json) is not a sidecar.
    if (rel === 'model/model.json') return;
    await this.read(vscode.Uri.file(path.join(root, rel.slice(0, -'.json'.length))));
  }

  /** The user's metadata and event pin for an article; a corrupt sidecar yields none and a diagnostic. */
  async userDataFor(article: vscode.Uri): Promise<{ metadata: ArticleMetadata; pinnedEvent: string | null; annotations: readonly Record<string, unknown>[] }> {
    const sidecar = await this.read(article);
    return { metadata: sidecar?.metadata ?? {}, pinnedEvent: sidecar?.event ?? null, annotations: sidecar?.annotations ?? [] };
  }

  async read(article: vscode.Uri): Promise<Sidecar | undefined> {
    const root = this.rootOf(article);
    if (!root) return undefined;
    const result = await readSidecar(root, article.fsPath);
    const sidecarUri = vscode.Uri.file(path.join(root, sidecarPathFor(relativeArticlePath(root, article.fsPath))));
    if (result.ok) {
      this.noteReviewed(article, result.sidecar.reviewed === true);
      this.diagnostics.delete(sidecarUri);
      if (this.damaged.delete(sidecarUri.fsPath)) this.log(`${sidecarUri.fsPath}: readable again`);
      if (result.repaired && !this.repairsLogged.has(result.repaired)) {
        this.repairsLogged.add(result.repaired);
        this.log(result.repaired);
      }
      return result.sidecar;
    }
    const message = `Corpus Lens could not read this sidecar: ${result.error}. It was left untouched; fix or delete it to use it again.`;
    this.diagnostics.set(sidecarUri, [new vscode.Diagnostic(new vscode.Range(0, 0, 0, 0), message, vscode.DiagnosticSeverity.Error)]);
    if (this.damaged.get(sidecarUri.fsPath) !== result.error) {
      this.damaged.set(sidecarUri.fsPath, result.error);
      this.log(`${result.path}: ${result.error} (left untouched)`);
      const rel = vscode.workspace.asRelativePath(article);
      void vscode.window
        .showWarningMessage(`The sidecar of ${rel} is damaged (${result.error}). Corpus Lens ignores it, and leaves it untouched, until it is fixed.`, 'Open Sidecar')
        .then((choice) => (choice ? vscode.window.showTextDocument(sidecarUri) : undefined));
    }
    return undefined;
  }

  /** Changes an article's sidecar; a failure is returned (with its reason), never thrown. */
  async update(article: vscode.Uri, update: (current: Sidecar) => Sidecar): Promise<SidecarUpdate> {
    const root = this.rootOf(article);
    if (!root) return { ok: false, path: article.fsPath, error: 'the article is not inside a workspace folder' };
    const result = await updateSidecar(root, article.fsPath, update);
    if (result.ok && result.repaired) this.log(result.repaired);
    if (result.ok) this.noteReviewed(article, result.sidecar.reviewed === true);
    return result;
  }

  /** Like `update`, saying what went wrong in a notification; true when it was written. */
  async write(article: vscode.Uri, update: (current: Sidecar) => Sidecar): Promise<boolean> {
    const result = await this.update(article, update);
    if (!result.ok) {
      const damaged = !result.code;
      void vscode.window.showErrorMessage(damaged ? `The sidecar ${result.path} is damaged (${result.error}); fix it before changing this article's data.` : `Corpus Lens could not write ${result.path}: ${result.error}.`);
      return false;
    }
    return true;
  }

  /** Moves an article's sidecar along with it, so its data follows a rename. */
  async move(from: vscode.Uri, to: vscode.Uri): Promise<void> {
    const root = this.rootOf(from);
    if (!root || this.rootOf(to) !== root) return;
    const source = vscode.Uri.file(path.join(root, sidecarPathFor(relativeArticlePath(root, from.fsPath))));
    const target = vscode.Uri.file(path.join(root, sidecarPathFor(relativeArticlePath(root, to.fsPath))));
    await inSidecarTurn(root, from.fsPath, async () => {
      try {
        await vscode.workspace.fs.stat(source);
      } catch {
        return;
      }
      const sidecar = await readSidecar(root, from.fsPath);
      await vscode.workspace.fs.createDirectory(vscode.Uri.file(path.dirname(target.fsPath)));
      await vscode.workspace.fs.rename(source, target, { overwrite: false });
      if (sidecar.ok) await writeSidecar(root, to.fsPath, sidecar.sidecar);
    });
  }

  /** Whether the article is marked reviewed (as its sidecar said when last read or written). */
  isReviewed(article: vscode.Uri): boolean {
    return this.reviewedMarks.get(article.toString()) === true;
  }

  private noteReviewed(article: vscode.Uri, reviewed: boolean): void {
    const key = article.toString();
    if ((this.reviewedMarks.get(key) === true) === reviewed && this.reviewedMarks.has(key)) return;
    this.reviewedMarks.set(key, reviewed);
    this.reviewedEmitter.fire(article);
  }

  /** Sidecars that could not be read, with the reason (for tests and the log). */
  damagedSidecars(): ReadonlyMap<string, string> {
    return this.damaged;
  }

  dispose(): void {
    this.watchers.forEach((w) => w.dispose());
    this.diagnostics.dispose();
    this.reviewedEmitter.dispose();
  }

  private rootOf(uri: vscode.Uri): string | undefined {
    if (uri.scheme !== 'file') return undefined;
    return vscode.workspace.getWorkspaceFolder(uri)?.uri.fsPath;
  }
}
