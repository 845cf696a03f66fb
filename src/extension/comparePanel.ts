/** The Compare webview: hosts the page, relays clicks to editors and keeps it current. */
import * as vscode from 'vscode';
import { offsetIn, rangeIn } from './navigation';
import { comparisonToHtml, comparisonToMarkdown } from '../core/compare/exportReport';
import type { ComparisonReport } from '../core/compare/report';
import type { CompareState, FromWebview, ToWebview } from '../shared/compareProtocol';
import type { AnalysisClient } from './analysisClient';
import type { CompareResult } from './analysisProtocol';
import { compareView } from './comparePage';
import { DELAYS } from './scheduler';
import { createPagePanel, PagePanel } from './webviewPanel';
import type { CorpusService } from './corpusService';

export const COMPARE_VIEW_TYPE = 'corpusLens.compare';
const OPEN_KEY = 'corpusLens.compare.open';

export class ComparePanels implements vscode.Disposable {
  private readonly panels = new Set<ComparePanel>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly postEmitter = new vscode.EventEmitter<{ panel: ComparePanel; message: ToWebview }>();
  /** Every message a panel sends its page (the test API keeps the last render of each). */
  readonly onDidPost = this.postEmitter.event;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly corpus: CorpusService,
    private readonly analysis: AnalysisClient,
    private readonly memento: vscode.Memento,
  ) {
    // What was open, kept by the extension too: a host may restore a panel without its page state.
    const remembered = [...(memento.get<string[][]>(OPEN_KEY) ?? [])];
    this.disposables.push(
      vscode.window.registerWebviewPanelSerializer(COMPARE_VIEW_TYPE, {
        deserializeWebviewPanel: async (panel, state: CompareState | undefined) => {
          const fromState = state?.files?.length ? [...state.files] : null;
          const files = fromState ?? remembered.shift() ?? [];
          if (fromState) {
            const i = remembered.findIndex((r) => r.join('\n') === fromState.join('\n'));
            if (i >= 0) remembered.splice(i, 1);
          }
          this.adopt(panel, files.map((f) => vscode.Uri.parse(f)));
        },
      }),
      corpus.onDidChange((uris) => {
        for (const p of this.panels) if (uris.length === 0 || uris.some((u) => p.files.some((f) => f.toString() === u.toString()))) p.scheduleRefresh();
      }),
      vscode.window.onDidChangeTextEditorSelection((e) => {
        for (const p of this.panels) p.followSelection(e.textEditor);
      }),
    );
  }

  open(files: readonly vscode.Uri[]): ComparePanel {
    return this.adopt(createPagePanel(COMPARE_VIEW_TYPE, 'Compare Articles', this.extensionUri), files);
  }

  /** The open panels, for tests. */
  all(): readonly ComparePanel[] {
    return [...this.panels];
  }

  private adopt(panel: vscode.WebviewPanel, files: readonly vscode.Uri[]): ComparePanel {
    const p = new ComparePanel(panel, files, this.extensionUri, this.corpus, this.analysis, () => {
      this.panels.delete(p);
      void this.remember();
    }, (message) => this.postEmitter.fire({ panel: p, message }));
    this.panels.add(p);
    void this.remember();
    return p;
  }

  private remember(): Thenable<void> {
    return this.memento.update(OPEN_KEY, [...this.panels].map((p) => p.files.map((f) => f.toString())));
  }

  dispose(): void {
    this.disposables.forEach((d) => d.dispose());
    for (const p of this.panels) p.dispose();
    this.postEmitter.dispose();
  }
}

export class ComparePanel extends PagePanel<ToWebview, FromWebview> {
  private report: ComparisonReport | null = null;

  constructor(
    panel: vscode.WebviewPanel,
    readonly files: readonly vscode.Uri[],
    extensionUri: vscode.Uri,
    private readonly corpus: CorpusService,
    private readonly analysis: AnalysisClient,
    onDispose: () => void,
    onPost: (message: ToWebview) => void = () => undefined,
  ) {
    super(panel, 'compare', extensionUri, DELAYS.compare, onDispose, onPost);
    panel.title = `Compare ${files.length} Articles`;
  }

  followSelection(editor: vscode.TextEditor): void {
    if (!this.ready || !this.files.some((f) => f.toString() === editor.document.uri.toString())) return;
    const offset = offsetIn(editor.document, editor.selection.active);
    void this.post({ type: 'reveal-in-panel', file: editor.document.uri.toString(), start: offset, end: offset });
  }

  protected async onMessage(m: FromWebview): Promise<void> {
    if (m.type === 'reveal') {
      const uri = vscode.Uri.parse(m.file);
      const doc = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.One, selection: rangeIn(doc, m) });
    } else if (m.type === 'export' && this.report) {
      await exportComparison(this.report, m.format);
    }
  }

  protected async refresh(): Promise<void> {
    const result = await this.answer<CompareResult>(() => this.analysis.compare(this.files.map((f) => f.toString())), (r) => !!r.report, 'These articles could not be compared');
    if (!result?.report) return;
    this.report = result.report;
    const labels = this.files.map((f) => this.corpus.titleOf(f));
    await this.post({ type: 'render', view: compareView(result.report), files: this.files.map((f) => f.toString()), labels });
  }
}

export async function exportComparison(report: ComparisonReport, format: 'markdown' | 'html'): Promise<void> {
  const content = format === 'markdown' ? comparisonToMarkdown(report) : comparisonToHtml(report);
  const doc = await vscode.workspace.openTextDocument({ language: format === 'markdown' ? 'markdown' : 'html', content });
  await vscode.window.showTextDocument(doc, vscode.ViewColumn.Active);
}

