/**
 * The user's annotations while the editor is open: shifted exactly on every change to a
 * document, re-anchored when a file changes outside the editor, and written back to the
 * sidecar shortly after. Orphaned annotations are kept and reported, never moved.
 */
import * as vscode from 'vscode';
import { newAnnotationId, readAnnotations, reanchorAnnotations, shiftAnnotations, type UserAnnotation } from '../core/annotations/annotations';
import type { SidecarFiles } from './sidecarFiles';

export class AnnotationStore implements vscode.Disposable {
  private readonly byUri = new Map<string, UserAnnotation[]>();
  /** What we last wrote to (or read from) each sidecar, to tell our writes from someone else's. */
  private readonly persisted = new Map<string, string>();
  private readonly pending = new Set<string>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('corpus-lens-annotations');
  private readonly disposables: vscode.Disposable[] = [];
  private readonly emitter = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.emitter.event;

  constructor(
    private readonly sidecars: SidecarFiles,
    private readonly log: (message: string) => void,
  ) {
    this.disposables.push(
      this.diagnostics,
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
          const persisted = this.persisted.get(oldUri.toString());
          if (persisted !== undefined) this.persisted.set(newUri.toString(), persisted);
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
    const raw = JSON.stringify(sidecarAnnotations);
    let current = this.byUri.get(key);
    if (!current || (raw !== this.persisted.get(key) && !this.pending.has(key))) {
      const { annotations, problems } = readAnnotations(sidecarAnnotations);
      for (const p of problems) this.log(`${vscode.workspace.asRelativePath(uri)}: sidecar ${p}; skipped`);
      current = annotations;
      this.persisted.set(key, raw);
      fromDisk = true;
    }
    if (fromDisk && current.length) {
      const moved = reanchorAnnotations(current, text);
      moved.forEach((a, i) => {
        const was = current![i].anchor.exact;
        if (!a.orphaned && a.anchor.exact !== was) this.log(`${vscode.workspace.asRelativePath(uri)}: annotation ${a.id} found on "${a.anchor.exact}" (was "${was}"), the same words written differently`);
      });
      if (JSON.stringify(moved) !== JSON.stringify(current)) {
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

  /** Writes every changed sidecar now. */
  async flush(): Promise<void> {
    clearTimeout(this.timer);
    const keys = [...this.pending];
    this.pending.clear();
    for (const key of keys) {
      const uri = vscode.Uri.parse(key);
      const annotations = this.byUri.get(key) ?? [];
      const ok = await this.sidecars.write(uri, (s) => ({ ...s, annotations: annotations as unknown as Record<string, unknown>[] }));
      if (ok) this.persisted.set(key, JSON.stringify(annotations));
      else this.log(`${vscode.workspace.asRelativePath(uri)}: annotations not saved (the sidecar is damaged)`);
    }
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
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), 800);
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
    void this.flush();
    this.disposables.forEach((d) => d.dispose());
  }
}
