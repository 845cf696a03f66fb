/**
 * The user's annotations while the editor is open: shifted exactly on every change to a
 * document, re-anchored when a file changes outside the editor, and written back to the
 * sidecar shortly after. Orphaned annotations are kept and reported, never moved.
 *
 * Each article's save stands alone: one that fails (a folder that cannot be written, a full
 * disk) is reported (a notification with Retry / Open Folder, and the Problems panel), kept
 * in memory and retried, while the other articles' saves go on. Another program's changes to
 * the same sidecar (a second window, the CLI) are merged, not overwritten.
 */
import * as path from 'path';
import * as vscode from 'vscode';
import { mergeAnnotationRecords, newAnnotationId, sameAnnotations, readAnnotations, reanchorAnnotations, shiftAnnotations, toSidecarAnnotations, type UserAnnotation } from '../core/annotations/annotations';
import type { SidecarFiles } from './sidecarFiles';
import { DELAYS, Debounced } from './scheduler';

/** Retries of a failed save wait this long, doubling up to a minute. */
const FIRST_RETRY_MS = 2000;
const LAST_RETRY_MS = 60_000;

export interface SaveFailure {
  readonly uri: vscode.Uri;
  readonly sidecar: string;
  readonly error: string;
}

export class AnnotationStore implements vscode.Disposable {
  private readonly byUri = new Map<string, UserAnnotation[]>();
  /**
   * The sidecar's records as we last read or wrote them: the base of a merge with others' changes,
   * and how our writes are told from someone else's.
   */
  private readonly base = new Map<string, Record<string, unknown>[]>();
  /** Records of kinds this version does not know, written back as they were. */
  private readonly keptAside = new Map<string, Record<string, unknown>[]>();
  private readonly pending = new Set<string>();
  private readonly failed = new Map<string, SaveFailure & { retryMs: number }>();
  private readonly saving = new Set<Promise<void>>();
  private readonly saveSoon = new Debounced(DELAYS.saveAnnotations, () => void this.flush());
  /** A failed save is tried again after its own delay (`scheduleRetry`). */
  private readonly retry = new Debounced(DELAYS.saveAnnotations, () => void this.flush());
  private disposed = false;
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('corpus-lens-annotations');
  private readonly saveDiagnostics = vscode.languages.createDiagnosticCollection('corpus-lens-save');
  private readonly disposables: vscode.Disposable[] = [];
  private readonly emitter = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.emitter.event;

  constructor(
    private readonly sidecars: SidecarFiles,
    private readonly log: (message: string) => void,
  ) {
    this.disposables.push(
      this.diagnostics,
      this.saveDiagnostics,
      this.emitter,
      // Registered before the corpus service's listener, so analysis always sees shifted anchors.
      vscode.workspace.onDidChangeTextDocument((e) => this.onEdit(e)),
      // A renamed article keeps its annotations (its sidecar moves with it).
      vscode.workspace.onDidRenameFiles((e) => {
        for (const { oldUri, newUri } of e.files) {
          const current = this.byUri.get(oldUri.toString());
          if (!current) continue;
          this.byUri.delete(oldUri.toString());
          this.byUri.set(newUri.toString(), current);
          for (const map of [this.base, this.keptAside] as Array<Map<string, unknown>>) {
            const value = map.get(oldUri.toString());
            map.delete(oldUri.toString());
            if (value !== undefined) map.set(newUri.toString(), value);
          }
          // A save still due goes to the new name: under the old one it would write the moved
          // sidecar back where the article no longer is.
          if (this.pending.delete(oldUri.toString())) this.pending.add(newUri.toString());
          const failure = this.failed.get(oldUri.toString());
          if (failure) {
            this.failed.delete(oldUri.toString());
            this.failed.set(newUri.toString(), { ...failure, uri: newUri });
            this.saveDiagnostics.delete(oldUri);
          }
        }
      }),
      vscode.workspace.onDidSaveTextDocument((d) => {
        if (this.pending.has(d.uri.toString())) void this.flush();
      }),
    );
  }

  /** Live (not orphaned) annotations of an article, for display and commands. */
  annotationsOf(uri: vscode.Uri): readonly UserAnnotation[] {
    return (this.byUri.get(uri.toString()) ?? []).filter((a) => !a.orphaned);
  }

  /**
   * The annotations to analyse `text` with. The first time (or when the sidecar was edited
   * by someone else) they come from the sidecar; when the text is the file as it is on disk,
   * they are re-anchored to it.
   */
  forText(uri: vscode.Uri, text: string, sidecarAnnotations: readonly Record<string, unknown>[], fromDisk: boolean): readonly UserAnnotation[] {
    const key = uri.toString();
    let current = this.byUri.get(key);
    const persisted = this.base.get(key);
    if (!current || ((!persisted || !sameAnnotations(sidecarAnnotations, persisted)) && !this.unsaved(key))) {
      const { annotations, problems, keptAside } = readAnnotations(sidecarAnnotations);
      for (const p of problems) this.log(`${vscode.workspace.asRelativePath(uri)}: sidecar ${p}`);
      current = annotations;
      this.base.set(key, [...sidecarAnnotations]);
      this.keptAside.set(key, keptAside);
      fromDisk = true;
    }
    if (fromDisk && current.length) {
      const moved = reanchorAnnotations(current, text);
      moved.forEach((a, i) => {
        const was = current![i].anchor.exact;
        if (!a.orphaned && a.anchor.exact !== was) this.log(`${vscode.workspace.asRelativePath(uri)}: annotation ${a.id} found on "${a.anchor.exact}" (was "${was}"), the same words written differently`);
      });
      if (!sameAnnotations(moved, current)) {
        current = moved;
        this.schedule(key);
      }
    }
    this.byUri.set(key, current);
    this.report(uri, current);
    return current.filter((a) => !a.orphaned);
  }

  /** Adds imported annotations, numbered after the ones the article has. */
  add(uri: vscode.Uri, imported: readonly UserAnnotation[]): void {
    this.update(uri, (current) => {
      const out = [...current];
      for (const a of imported) out.push({ ...a, id: newAnnotationId(out) });
      return out;
    });
  }

  update(uri: vscode.Uri, change: (current: readonly UserAnnotation[]) => UserAnnotation[]): void {
    const key = uri.toString();
    this.byUri.set(key, change(this.byUri.get(key) ?? []));
    this.schedule(key);
    this.emitter.fire(uri);
  }

  /** Saves that failed and wait for a retry, for the tests and the status of the corpus. */
  saveFailures(): readonly SaveFailure[] {
    return [...this.failed.values()].map(({ uri, sidecar, error }) => ({ uri, sidecar, error }));
  }

  /**
   * Writes every changed sidecar now, each on its own: a failure is reported and retried and
   * never stops the others. Resolves true when every save succeeded.
   */
  async flush(): Promise<boolean> {
    this.saveSoon.cancel();
    const keys = [...new Set([...this.pending, ...this.failed.keys()])];
    this.pending.clear();
    const run = Promise.all(keys.map((key) => this.save(key))).then(() => undefined);
    this.saving.add(run);
    try {
      await run;
    } finally {
      this.saving.delete(run);
    }
    return keys.every((k) => !this.failed.has(k));
  }

  /** Waits for the last save (deactivation must not drop the user's last annotation). */
  async shutdown(): Promise<void> {
    this.disposed = true;
    this.retry.cancel();
    await Promise.all([...this.saving]);
    await this.flush();
  }

  private unsaved(key: string): boolean {
    return this.pending.has(key) || this.failed.has(key);
  }

  private async save(key: string): Promise<void> {
    const uri = vscode.Uri.parse(key);
    const mine = toSidecarAnnotations(this.byUri.get(key) ?? [], this.keptAside.get(key) ?? []);
    const base = this.base.get(key) ?? [];
    let written: Record<string, unknown>[] = mine;
    const result = await this.sidecars.update(uri, (s) => {
      written = mergeAnnotationRecords(base, mine, s.annotations);
      return { ...s, annotations: written };
    });
    if (result.ok) {
      this.base.set(key, written);
      if (!sameAnnotations(written, mine) && !this.pending.has(key)) {
        // Someone else's changes were merged in: hold them too.
        const read = readAnnotations(written);
        this.byUri.set(key, read.annotations);
        this.keptAside.set(key, read.keptAside);
        this.emitter.fire(uri);
      }
      if (this.failed.delete(key)) {
        this.saveDiagnostics.delete(uri);
        this.log(`${vscode.workspace.asRelativePath(uri)}: annotations saved after an earlier failure`);
      }
      return;
    }
    const earlier = this.failed.get(key);
    const retryMs = earlier ? Math.min(LAST_RETRY_MS, earlier.retryMs * 2) : FIRST_RETRY_MS;
    this.failed.set(key, { uri, sidecar: result.path, error: result.error, retryMs });
    const rel = vscode.workspace.asRelativePath(uri);
    const message = `Corpus Lens could not save the annotations of ${rel} to ${result.path}: ${result.error}. They are kept in memory and saved again automatically.`;
    this.log(message);
    this.saveDiagnostics.set(uri, [new vscode.Diagnostic(new vscode.Range(0, 0, 0, 0), message, vscode.DiagnosticSeverity.Error)]);
    if (!earlier || earlier.error !== result.error) void this.offerRetry(message, result.path);
    this.scheduleRetry(retryMs);
  }

  private async offerRetry(message: string, sidecar: string): Promise<void> {
    const choice = await vscode.window.showErrorMessage(message, 'Retry', 'Open Folder');
    if (choice === 'Retry') void this.flush();
    else if (choice === 'Open Folder') {
      const folder = vscode.Uri.file(path.dirname(sidecar));
      await vscode.commands.executeCommand('revealFileInOS', folder).then(undefined, () => vscode.commands.executeCommand('revealInExplorer', folder));
    }
  }

  private scheduleRetry(ms: number): void {
    if (this.disposed) return;
    this.retry.schedule(ms);
  }

  private onEdit(e: vscode.TextDocumentChangeEvent): void {
    const key = e.document.uri.toString();
    const current = this.byUri.get(key);
    if (!current?.length || e.contentChanges.length === 0) return;
    const changes = e.contentChanges.map((c) => ({ start: c.rangeOffset, end: c.rangeOffset + c.rangeLength, text: c.text }));
    const shifted = shiftAnnotations(current, changes);
    this.byUri.set(key, shifted);
    this.schedule(key);
    if (shifted.some((a, i) => a.orphaned && !current[i].orphaned)) this.report(e.document.uri, shifted);
  }

  private schedule(key: string): void {
    this.pending.add(key);
    this.saveSoon.schedule();
  }

  private report(uri: vscode.Uri, annotations: readonly UserAnnotation[]): void {
    const orphaned = annotations.filter((a) => a.orphaned);
    if (orphaned.length === 0) {
      this.diagnostics.delete(uri);
      return;
    }
    const words = orphaned.map((a) => `“${a.anchor.exact.slice(0, 40)}”`).join(', ');
    const message = `${orphaned.length} annotation${orphaned.length === 1 ? '' : 's'} lost ${orphaned.length === 1 ? 'its' : 'their'} words after an edit and ${orphaned.length === 1 ? 'is' : 'are'} kept aside in the sidecar: ${words}`;
    this.diagnostics.set(uri, [new vscode.Diagnostic(new vscode.Range(0, 0, 0, 0), message, vscode.DiagnosticSeverity.Warning)]);
  }

  dispose(): void {
    this.retry.cancel();
    void this.shutdown().finally(() => this.disposables.forEach((d) => d.dispose()));
  }
}
