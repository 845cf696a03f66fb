/** Reading and writing sidecars for workspace articles, with corrupt files shown in Problems. */
import * as path from 'path';
import * as vscode from 'vscode';
import type { ArticleMetadata } from '../core/article';
import { sidecarPathFor, type Sidecar } from '../core/sidecar';
import { inSidecarTurn, readSidecar, relativeArticlePath, updateSidecar, writeSidecar } from '../node/files';

export class SidecarFiles implements vscode.Disposable {
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('corpus-lens-sidecar');

  constructor(private readonly log: (message: string) => void) {}

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
      this.diagnostics.delete(sidecarUri);
      return result.sidecar;
    }
    const message = `Corpus Lens could not read this sidecar: ${result.error}. It was left untouched; fix or delete it to use it again.`;
    this.diagnostics.set(sidecarUri, [new vscode.Diagnostic(new vscode.Range(0, 0, 0, 0), message, vscode.DiagnosticSeverity.Error)]);
    this.log(`${result.path}: ${result.error} (left untouched)`);
    return undefined;
  }

  async write(article: vscode.Uri, update: (current: Sidecar) => Sidecar): Promise<boolean> {
    const root = this.rootOf(article);
    if (!root) return false;
    const result = await updateSidecar(root, article.fsPath, update);
    if (!result.ok) {
      void vscode.window.showErrorMessage(`The sidecar ${result.path} is damaged (${result.error}); fix it before changing this article's data.`);
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
      if (sidecar.ok) await writeSidecar(root, { ...sidecar.sidecar, file: relativeArticlePath(root, to.fsPath) });
    });
  }

  dispose(): void {
    this.diagnostics.dispose();
  }

  private rootOf(uri: vscode.Uri): string | undefined {
    if (uri.scheme !== 'file') return undefined;
    return vscode.workspace.getWorkspaceFolder(uri)?.uri.fsPath;
  }
}
