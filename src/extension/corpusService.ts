/**
 * Keeps the extension's picture of the corpus current: finds article files, watches
 * them and their open documents, and hands every text to the analysis worker.
 * Views read from here and never analyse anything themselves.
 */
import * as path from 'path';
import * as vscode from 'vscode';
import type { ArticleJson } from '../core/articleSummary';
import { CancelledError, type AnalysisClient } from './analysisClient';
import type { AnalysisResult } from './analysisProtocol';
import type { CorpusLensSettings } from './settings';
import { scopeOf, type FolderScope } from './corpusScope';
import type { AnnotationStore } from './annotationStore';
import type { SidecarFiles } from './sidecarFiles';
import { decodeArticleBytes } from '../core/text';
import { titleOrFileName } from '../core/vocabulary';
import { DELAYS, DebouncedByKey } from './scheduler';

export type ArticleState =
  | { readonly uri: vscode.Uri; readonly status: 'pending' }
  | { readonly uri: vscode.Uri; readonly status: 'ok'; readonly article: ArticleJson; readonly version: number | null }
  | { readonly uri: vscode.Uri; readonly status: 'error'; readonly message: string };

/** Above this many files the first indexing also shows a notification with progress. */
const NOTIFY_ABOVE = 200;
/** Articles read and sent to the worker at once while indexing. */
const IN_FLIGHT = 64;
/** Indexing reports its progress each time this many more articles are analysed. */
const PROGRESS_EVERY = 16;
/** Above this many articles a corpus-wide computation shows its progress in the status bar. */
const WINDOW_PROGRESS_ABOVE = 500;

export class CorpusService implements vscode.Disposable {
  private readonly states = new Map<string, ArticleState>();
  /** The newest request per article: older answers are dropped, never painted. */
  private readonly latestRequest = new Map<string, number>();
  /** Typing is analysed once it pauses for corpusLens.analysis.debounceMs. */
  private readonly typing = new DebouncedByKey<string>(() => this.settings.debounceMs);
  /** Both watchers may report one sidecar write: its article is read again once. */
  private readonly sidecarTouched = new DebouncedByKey<string>(DELAYS.sidecar);
  private readonly changeEmitter = new vscode.EventEmitter<vscode.Uri[]>();
  private readonly disposables: vscode.Disposable[] = [];
  private watchers: vscode.Disposable[] = [];
  private watchedScope = '';
  private scopes: FolderScope[] = [];
  private readonly sidecarEmitter = new vscode.EventEmitter<vscode.Uri>();
  /** Fires with each sidecar file the corpus's watcher reports changed on disk. */
  readonly onDidSeeSidecarChange = this.sidecarEmitter.event;
  private requestCounter = 0;
  private indexedFlag = false;
  lastIndexMillis = 0;
  /** Of which finding the files (the workspace's file search). */
  lastDiscoverMillis = 0;
  /** What the last indexing's progress said, in order, and where it showed (the tests read it). */
  readonly indexProgress: Array<{ location: 'notification' | 'window'; message: string }> = [];

  /** Fires with the articles whose analysis changed. */
  readonly onDidChange = this.changeEmitter.event;

  constructor(
    private settings: CorpusLensSettings,
    private readonly analysis: AnalysisClient,
    private readonly sidecars: SidecarFiles,
    private readonly annotations: AnnotationStore,
    private readonly log: (message: string) => void,
  ) {
    this.disposables.push(
      this.changeEmitter,
      this.sidecarEmitter,
      vscode.workspace.onDidChangeTextDocument((e) => this.onTyping(e)),
      annotations.onDidChange((uri) => {
        if (this.isArticle(uri)) void this.analyzeUri(uri);
      }),
      vscode.workspace.onDidCloseTextDocument((d) => this.onClosed(d)),
      vscode.workspace.onDidRenameFiles((e) => void this.onRenamed(e)),
      // A sidecar edited and saved in VS Code updates its article without waiting for the file watcher.
      vscode.workspace.onDidSaveTextDocument((d) => this.onSidecarSaved(d.uri)),
      vscode.workspace.onDidChangeWorkspaceFolders(() => void this.reindex()),
    );
  }

  get indexed(): boolean {
    return this.indexedFlag;
  }

  get(uri: vscode.Uri): ArticleState | undefined {
    return this.states.get(uri.toString());
  }

  /** What lists show for an article: its title, or its file name. */
  titleOf(uri: vscode.Uri): string {
    const s = this.states.get(uri.toString());
    return titleOrFileName(s?.status === 'ok' ? s.article.title : null, uri.toString());
  }

  isArticle(uri: vscode.Uri): boolean {
    return this.states.has(uri.toString());
  }

  /** Runs a corpus-wide computation, with its title in the status bar when the corpus is large. */
  withProgressWhenLarge<T>(title: string, run: () => Thenable<T>): Thenable<T> {
    return this.states.size > WINDOW_PROGRESS_ABOVE ? vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title }, run) : run();
  }

  /** Articles sorted by path, so every view lists them in the same order. */
  all(): ArticleState[] {
    // Sorted again only when articles come or go, not each time one of them is analysed.
    if (!this.order) {
      this.order = [...this.states.values()].sort((a, b) => a.uri.path.localeCompare(b.uri.path)).map((s) => s.uri.toString());
    }
    return this.order.map((k) => this.states.get(k)!);
  }

  /** The keys of `states` sorted by path; undefined when articles came or went since. */
  private order: string[] | undefined;

  /**
   * An indexing is running: the corpus-wide layers wait for it rather than being computed on a
   * corpus still being read (each would be thrown away at the next batch; on a warm start of
   * 10,000 articles they were a third of the time to index). They follow its last change.
   */
  get indexing(): boolean {
    return this.running !== null;
  }

  /** The include globs in force per workspace folder, and where they come from. */
  currentScopes(): readonly FolderScope[] {
    return this.scopes;
  }

  applySettings(settings: CorpusLensSettings, scopeMayHaveChanged: boolean): void {
    const scopeChanged = scopeMayHaveChanged || settings.exclude !== this.settings.exclude;
    this.settings = settings;
    if (scopeChanged) void this.reindex();
  }

  /**
   * Finds every article and analyses it, with progress. A call while one runs is folded
   * into one more run after it, so a settings change and a command never index twice at once.
   */
  reindex(): Promise<void> {
    if (this.running) {
      this.queued ??= this.running.then(() => {
        this.queued = null;
        return this.reindex();
      });
      return this.queued;
    }
    this.running = this.indexOnce().finally(() => {
      this.running = null;
      // What waited for the indexing to end (the corpus-wide layers) follows this change.
      this.changeEmitter.fire([]);
    });
    return this.running;
  }

  private running: Promise<void> | null = null;
  private queued: Promise<void> | null = null;

  private async indexOnce(): Promise<void> {
    const started = Date.now();
    // Watchers change only with the corpus's scope: re-creating them on every re-analysis
    // would leave a moment in which changes on disk go unnoticed.
    this.scopes = await Promise.all((vscode.workspace.workspaceFolders ?? []).map((f) => scopeOf(f, this.settings.exclude)));
    const scope = JSON.stringify([this.settings.exclude, this.scopes.map((s) => [s.folder.uri.toString(), s.globs])]);
    if (scope !== this.watchedScope) {
      this.watchers.forEach((w) => w.dispose());
      this.watchers = [];
      this.watchedScope = scope;
      this.watch();
    }
    const discoverStarted = Date.now();
    const files = await this.discover();
    this.lastDiscoverMillis = Date.now() - discoverStarted;
    const previous = new Set(this.states.keys());
    for (const uri of files) previous.delete(uri.toString());
    for (const gone of previous) this.forget(vscode.Uri.parse(gone));
    for (const uri of files) if (!this.states.has(uri.toString())) this.states.set(uri.toString(), { uri, status: 'pending' });
    this.order = undefined;
    this.changeEmitter.fire(files);

    const location = files.length > NOTIFY_ABOVE ? vscode.ProgressLocation.Notification : vscode.ProgressLocation.Window;
    let done = 0;
    this.indexProgress.length = 0;
    const cancelled = await vscode.window.withProgress({ location, title: 'Corpus Lens: analysing articles', cancellable: true }, async (progress, token) => {
      const step = 100 / Math.max(1, files.length);
      let reported = 0;
      const report = () => {
        const message = `${done}/${files.length}`;
        progress.report({ increment: step * (done - reported), message });
        reported = done;
        this.indexProgress.push({ location: location === vscode.ProgressLocation.Notification ? 'notification' : 'window', message });
      };
      // A window of articles in flight rather than batches waited for whole: the worker always
      // has the next one queued (a warm start answers each from the cache in about a millisecond,
      // so waiting for the slowest of a batch, then a round trip, was most of the time).
      let next = 0;
      const reader = async () => {
        while (next < files.length && !token.isCancellationRequested) {
          await this.analyzeUri(files[next++]);
          done++;
          if (done % PROGRESS_EVERY === 0 || done === files.length) report();
        }
      };
      await Promise.all(Array.from({ length: Math.min(IN_FLIGHT, files.length) }, reader));
      return done < files.length;
    });
    if (cancelled) {
      // Files never read are not left spinning: they say why, and Re-analyze picks them up.
      for (const uri of files) {
        if (this.states.get(uri.toString())?.status === 'pending') {
          this.states.set(uri.toString(), { uri, status: 'error', message: 'Not analysed: indexing was cancelled. Run Corpus Lens: Re-analyze Corpus to read it.' });
        }
      }
    }
    this.indexedFlag = true;
    this.lastIndexMillis = Date.now() - started;
    const where = this.scopes.map((s) => `${s.folder.name}: ${s.globs.join(', ')} (${s.source === 'setting' ? 'corpusLens.include' : s.source === 'corpus-folder' ? 'the folder has .corpus-lens/' : 'default'})`).join('; ');
    this.log(
      cancelled
        ? `Indexing cancelled after ${done} of ${files.length} article files (${this.lastIndexMillis} ms).`
        : `Indexed ${files.length} article file${files.length === 1 ? '' : 's'} in ${this.lastIndexMillis} ms (found in ${this.lastDiscoverMillis} ms) — ${where || 'no workspace folder'}.`,
    );
  }

  /** Re-reads one article (open document text wins over the file on disk). */
  async analyzeUri(uri: vscode.Uri): Promise<void> {
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (open) return this.analyzeDocument(open);
    const request = this.nextRequest(uri);
    let bytes: Uint8Array;
    try {
      const stat = await vscode.workspace.fs.stat(uri);
      if (stat.size > this.settings.maxFileBytes) {
        return this.settle(uri, request, null, {
          ok: false,
          message: `This file is ${(stat.size / 1048576).toFixed(1)} MB, over the corpusLens.analysis.maxFileSizeMB limit; it is listed but not analysed.`,
        });
      }
      bytes = await vscode.workspace.fs.readFile(uri);
    } catch (e) {
      // Deleted or renamed while we were reading: the watcher reports the move.
      if (e instanceof vscode.FileSystemError && e.code === 'FileNotFound') return this.forget(uri);
      return this.settle(uri, request, null, { ok: false, message: `Could not read this file: ${(e as Error).message}` });
    }
    // Decoded once, here: the worker gets the text.
    const decoded = decodeArticleBytes(bytes);
    if (!decoded.ok) {
      const message = `This file ${decoded.message}.`;
      const done = await this.ask(uri, () => this.analysis.unreadable(uri.toString(), decoded.message).then(() => ({ ok: false as const, message })));
      if (done) this.settle(uri, request, null, done);
      return;
    }
    const user = await this.sidecars.userDataFor(uri);
    // Annotations are re-anchored to the file as it is now (it may have changed outside the editor).
    const annotations = this.annotations.forText(uri, decoded.text, user.annotations, true);
    const result = await this.ask(uri, () => this.analysis.analyze(uri.toString(), null, decoded.text, { metadata: user.metadata, pinnedEvent: user.pinnedEvent, annotations }));
    if (result) this.settle(uri, request, null, result);
  }

  /**
   * One request to the worker for an article. A request superseded by a newer one for the same
   * article is dropped quietly (undefined); a worker's error or time-out becomes the article's
   * error, as the worker said it, with its stack in the log.
   */
  private async ask<T>(uri: vscode.Uri, send: () => Promise<T>): Promise<T | { ok: false; message: string } | undefined> {
    try {
      return await send();
    } catch (e) {
      if (e instanceof CancelledError) return undefined;
      const error = e as Error;
      this.log(`${vscode.workspace.asRelativePath(uri)}: analysis failed: ${error.stack ?? error.message}`);
      return { ok: false, message: `Analysis failed: ${error.message}` };
    }
  }

  async analyzeDocument(doc: vscode.TextDocument): Promise<void> {
    const request = this.nextRequest(doc.uri);
    const version = doc.version;
    if (doc.getText().length > this.settings.maxFileBytes) {
      return this.settle(doc.uri, request, version, { ok: false, message: 'This document is over the corpusLens.analysis.maxFileSizeMB limit; it is not analysed.' });
    }
    const user = await this.sidecars.userDataFor(doc.uri);
    // The text and its version are taken together: the answer says which version it describes.
    const text = doc.getText();
    const sent = doc.version;
    const annotations = this.annotations.forText(doc.uri, text, user.annotations, false);
    const result = await this.ask(doc.uri, () => this.analysis.analyze(doc.uri.toString(), sent, text, { metadata: user.metadata, pinnedEvent: user.pinnedEvent, annotations }));
    if (!result || doc.isClosed || doc.version !== sent) return;
    this.settle(doc.uri, request, sent, result);
  }

  private nextRequest(uri: vscode.Uri): number {
    const id = ++this.requestCounter;
    this.latestRequest.set(uri.toString(), id);
    return id;
  }

  private settle(uri: vscode.Uri, request: number, version: number | null, result: AnalysisResult): void {
    const key = uri.toString();
    if (this.latestRequest.get(key) !== request || !this.states.has(key)) return;
    this.states.set(
      key,
      result.ok ? { uri, status: 'ok', article: result.article, version } : { uri, status: 'error', message: result.message },
    );
    if (!result.ok) this.log(`${vscode.workspace.asRelativePath(uri)}: ${result.message}`);
    this.changeEmitter.fire([uri]);
  }

  private forget(uri: vscode.Uri): void {
    const key = uri.toString();
    if (!this.states.delete(key)) return;
    this.order = undefined;
    this.latestRequest.delete(key);
    this.analysis.remove(key).catch((e: Error) => {
      if (!(e instanceof CancelledError)) this.log(`Could not drop ${vscode.workspace.asRelativePath(uri)} from the analysis: ${e.message}`);
    });
    this.changeEmitter.fire([uri]);
  }

  private async discover(): Promise<vscode.Uri[]> {
    const found: vscode.Uri[] = [];
    const seen = new Set<string>();
    for (const { folder, globs } of this.scopes) {
      for (const glob of globs) {
        const uris = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, glob), new vscode.RelativePattern(folder, this.settings.exclude));
        for (const uri of uris) {
          if (seen.has(uri.toString())) continue;
          seen.add(uri.toString());
          found.push(uri);
        }
      }
    }
    return found.sort((a, b) => a.path.localeCompare(b.path));
  }

  private watch(): void {
    for (const { folder, globs } of this.scopes) {
      for (const glob of globs) {
        const articles = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, glob));
        articles.onDidCreate((uri) => void this.onCreated(folder, uri));
        articles.onDidChange((uri) => {
          const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
          if (this.isArticle(uri) && !open?.isDirty) void this.analyzeUri(uri);
        });
        articles.onDidDelete((uri) => this.forget(uri));
        this.watchers.push(articles);
      }
    }
    // Sidecars change their articles (SidecarFiles watches them, with a watch of its own beside VS Code's).
    this.watchers.push(
      this.sidecars.onDidChange(({ folder, sidecar }) => {
        this.sidecarEmitter.fire(sidecar);
        const rel = path.relative(path.join(folder.uri.fsPath, '.corpus-lens'), sidecar.fsPath).split(path.sep).join('/').replace(/\.json$/, '');
        if (rel.startsWith('..')) return;
        const article = vscode.Uri.joinPath(folder.uri, rel);
        if (this.isArticle(article)) this.sidecarTouched.schedule(article.toString(), () => void this.analyzeUri(article));
      }),
    );
  }

  private onSidecarSaved(uri: vscode.Uri): void {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    const rel = folder && vscode.workspace.asRelativePath(uri, false);
    if (!folder || !rel || !rel.startsWith('.corpus-lens/') || !rel.endsWith('.json')) return;
    const article = vscode.Uri.joinPath(folder.uri, rel.replace(/^\.corpus-lens\//, '').replace(/\.json$/, ''));
    if (this.isArticle(article)) void this.analyzeUri(article);
  }

  private async onCreated(folder: vscode.WorkspaceFolder, uri: vscode.Uri): Promise<void> {
    if (this.isArticle(uri)) return this.analyzeUri(uri);
    const rel = vscode.workspace.asRelativePath(uri, false).replace(/[[\]{}*?]/g, '?');
    const matches = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, rel), new vscode.RelativePattern(folder, this.settings.exclude), 1);
    if (matches.length === 0) return;
    this.states.set(uri.toString(), { uri, status: 'pending' });
    this.order = undefined;
    await this.analyzeUri(uri);
  }

  private onTyping(e: vscode.TextDocumentChangeEvent): void {
    if (e.contentChanges.length === 0 || !this.isArticle(e.document.uri)) return;
    this.typing.schedule(e.document.uri.toString(), () => void this.analyzeDocument(e.document));
  }

  /** Closing a document without saving returns the article to its text on disk. */
  private onClosed(doc: vscode.TextDocument): void {
    if (this.isArticle(doc.uri)) void this.analyzeUri(doc.uri);
  }

  private async onRenamed(e: vscode.FileRenameEvent): Promise<void> {
    for (const { oldUri, newUri } of e.files) {
      const state = this.states.get(oldUri.toString());
      if (state) {
        this.states.delete(oldUri.toString());
        this.states.set(newUri.toString(), { ...state, uri: newUri } as ArticleState);
        this.order = undefined;
      }
      // The file watcher may report the move (a delete, then a create) before this event, and
      // the old name is then already forgotten: the sidecar moves all the same (a file without
      // one has nothing to move), or the renamed article would come back without its annotations.
      // It moves first, before the annotations' next save under the new name can write there.
      try {
        await this.sidecars.move(oldUri, newUri);
      } catch (err) {
        this.log(`Could not move the sidecar of ${vscode.workspace.asRelativePath(oldUri)}: ${(err as Error).message}`);
      }
      if (state) {
        await this.analysis.rename(oldUri.toString(), newUri.toString());
        this.changeEmitter.fire([oldUri, newUri]);
      }
      // Already read under its new name without its sidecar: read it again with it.
      else if (this.isArticle(newUri)) await this.analyzeUri(newUri);
    }
  }

  dispose(): void {
    this.typing.dispose();
    this.sidecarTouched.dispose();
    this.watchers.forEach((w) => w.dispose());
    this.disposables.forEach((d) => d.dispose());
  }
}
