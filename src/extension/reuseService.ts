/**
 * Text reuse in the editor: the corpus's shared passages from the worker, marked subtly in
 * the gutter and the overview ruler (corpusLens.decorations.reuse turns it off), a hover
 * saying where else each passage is and where it came from first, and the twin passages
 * for Go to Related.
 */
import * as path from 'path';
import * as vscode from 'vscode';
import { passageLine, type ArticleReuse, type ReusePassage, type ReuseSnapshot } from '../engine/provenance';
import type { AnalysisClient } from './analysisClient';
import { ArticleDecorator } from './articleDecorator';
import { DELAYS, Refresher } from './scheduler';
import type { ArticleState, CorpusService } from './corpusService';
import type { EntityService } from './entityService';
import { describes } from './articleDecorator';
import { lineLabel, linesOf, markdownTargetLink, OPEN_TARGET_COMMAND, rangeIn, spansAtPosition, target, type Target } from './navigation';
import type { TextVersion } from './analysisProtocol';

export class ReuseService implements vscode.Disposable {
  private snapshot: ReuseSnapshot = { generation: -1, articles: {}, millis: 0 };
  private readonly emitter = new vscode.EventEmitter<void>();
  private readonly subscriptions: vscode.Disposable[];
  private readonly refresher = new Refresher(DELAYS.reuse, () => this.refresh());
  private signature = '';
  /** Each article's text version as of the snapshot (what the host had analysed when it arrived). */
  private versions = new Map<string, TextVersion>();
  readonly onDidChange = this.emitter.event;

  constructor(
    private readonly corpus: CorpusService,
    entities: EntityService,
    private readonly analysis: AnalysisClient,
    private readonly log: (message: string) => void,
  ) {
    // Quote carriers follow the entity layer's quotes; passages follow the texts.
    this.subscriptions = [
      corpus.onDidChange(() => {
        if (!corpus.indexing) this.refresher.schedule();
      }), entities.onDidChange(() => this.refresher.schedule())];
  }

  of(uri: vscode.Uri): ArticleReuse | undefined {
    return this.snapshot.articles[uri.toString()];
  }

  passagesIn(uri: vscode.Uri): readonly ReusePassage[] {
    return this.of(uri)?.passages ?? [];
  }

  /** The text version an article's passages index (undefined: none yet). */
  versionOf(uri: vscode.Uri | string): TextVersion | undefined {
    return this.versions.get(uri.toString());
  }

  /** A span of an article as a target, at the version of the snapshot. */
  targetOf(uri: vscode.Uri | string, span: { readonly start: number; readonly end: number }): Target {
    return target(uri.toString(), span, this.versionOf(uri) ?? null);
  }

  /** The shared passages that contain a position of a document, longest first (none when the passages index another version). */
  passagesAt(doc: vscode.TextDocument, position: vscode.Position): ReusePassage[] {
    const version = this.versionOf(doc.uri);
    if (version === undefined || !describes(version, doc)) return [];
    return spansAtPosition(doc, this.passagesIn(doc.uri), position).sort((a, b) => b.words - a.words);
  }

  /** Resolves once the shared passages reflect every change made so far. */
  refreshNow(): Promise<void> {
    return this.refresher.now();
  }

  private async refresh(): Promise<void> {
    if (!this.corpus.indexed) return;
    const total = this.corpus.all().length;
    try {
      const next = await this.corpus.withProgressWhenLarge('Corpus Lens: finding shared passages', () => this.analysis.reuse());
      if (next.error) this.log(next.error);
      // The versions the passages' offsets index: the texts the worker had, as the host analysed them
      // (kept current even when the passages are the same, as after an undo back to a saved text).
      this.versions = new Map(
        Object.keys(next.articles).map((u) => {
          const state = this.corpus.get(vscode.Uri.parse(u));
          return [u, state?.status === 'ok' ? state.version : null];
        }),
      );
      const signature = JSON.stringify(next.articles);
      if (signature === this.signature) return;
      this.signature = signature;
      this.snapshot = next;
      const passages = Object.values(next.articles).reduce((n, a) => n + a.passages.length, 0);
      this.log(`Found ${passages} shared passage ends across ${total} articles in ${next.millis} ms.`);
      this.emitter.fire();
    } catch (e) {
      this.log(`Text reuse failed: ${(e as Error).message}`);
    }
  }

  dispose(): void {
    this.refresher.dispose();
    this.subscriptions.forEach((s) => s.dispose());
    this.emitter.dispose();
  }
}

/** A faint mark in the gutter and the overview ruler beside each shared passage. */
export class ReuseDecorations extends ArticleDecorator {
  private readonly type: vscode.TextEditorDecorationType;

  constructor(
    corpus: CorpusService,
    private readonly reuse: ReuseService,
    extensionUri: vscode.Uri,
    private enabled: boolean,
  ) {
    super(corpus, [reuse.onDidChange]);
    this.type = vscode.window.createTextEditorDecorationType({
      isWholeLine: true,
      overviewRulerColor: new vscode.ThemeColor('corpusLens.reuse.ruler'),
      overviewRulerLane: vscode.OverviewRulerLane.Left,
      light: { gutterIconPath: vscode.Uri.joinPath(extensionUri, 'media', 'icons', 'reuse-light.svg'), gutterIconSize: 'contain' },
      dark: { gutterIconPath: vscode.Uri.joinPath(extensionUri, 'media', 'icons', 'reuse-dark.svg'), gutterIconSize: 'contain' },
      rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
    });
    this.disposables.push(this.type);
    this.schedule();
  }

  setEnabled(enabled: boolean): void {
    this.enabled = enabled;
    this.schedule();
  }

  protected decorate(editor: vscode.TextEditor, _state: ArticleState): void {
    const ranges = this.enabled ? this.reuse.passagesIn(editor.document.uri).map((p) => rangeIn(editor.document, p)) : [];
    editor.setDecorations(this.type, ranges);
    this.painted(editor, ranges);
  }
}

function escape(s: string): string {
  return s.replace(/[\\`*_{}[\]()#+\-.!|<>$]/g, '\\$&');
}

/** The hover of a shared passage: one line per other article carrying it, with links. */
export function reuseHover(reuse: ReuseService, passages: readonly ReusePassage[], article: ArticleReuse | undefined): vscode.MarkdownString {
  const md = new vscode.MarkdownString(undefined, true);
  md.isTrusted = { enabledCommands: ['corpusLens.showProvenance', OPEN_TARGET_COMMAND] };
  for (const p of passages.slice(0, 8)) {
    // The other side's passage, or the earliest article's start.
    const line = passageLine(p, (ref) => markdownTargetLink(escape(ref.label), reuse.targetOf(ref.uri, 'start' in ref ? ref : { start: 0, end: 0 })));
    md.appendMarkdown(`$(files) ${line}  \n`);
  }
  if (passages.length > 8) md.appendMarkdown(`…and ${passages.length - 8} more  \n`);
  if (article) md.appendMarkdown(`\nThis article: ${escape(article.shareLabel)} · [Show Provenance](command:corpusLens.showProvenance)`);
  return md;
}

export function registerReuseNavigation(corpus: CorpusService, reuse: ReuseService): vscode.Disposable[] {
  const selector: vscode.DocumentSelector = [{ scheme: 'file' }, { scheme: 'untitled' }];
  return [
    vscode.languages.registerHoverProvider(selector, {
      provideHover(doc, pos) {
        if (!corpus.isArticle(doc.uri)) return undefined;
        const passages = reuse.passagesAt(doc, pos);
        if (!passages.length) return undefined;
        return new vscode.Hover(reuseHover(reuse, passages, reuse.of(doc.uri)), rangeIn(doc, passages[0]));
      },
    }),
  ];
}

/** Go to Related's entries for the twin passages at a position (the same passage in other articles). */
export async function twinPassageItems(corpus: CorpusService, reuse: ReuseService, doc: vscode.TextDocument, position: vscode.Position): Promise<Array<vscode.QuickPickItem & { target: Target }>> {
  const passages = reuse.passagesAt(doc, position);
  const targets = passages.map((p) => reuse.targetOf(p.other.uri, p.other));
  const lines = await linesOf(targets);
  return passages.map((p, i) => {
    const other = vscode.Uri.parse(p.other.uri);
    const state = corpus.get(other);
    const title = (state?.status === 'ok' && state.article.title) || path.basename(other.fsPath);
    return {
      label: `$(files) Same passage in ${p.other.label}${p.other.outlet ? ` (${p.other.outlet})` : ''}`,
      description: `${p.kind}, ${Math.round(p.similarity * 100)} % alike${lineLabel(lines[i])}`,
      detail: title,
      target: targets[i],
    };
  });
}
