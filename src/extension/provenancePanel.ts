/**
 * The Provenance panel: an event's articles on a timeline (the page is media/provenance/),
 * computed in the analysis worker, kept current as the corpus changes. Opened from an
 * event in the Events view or from the palette (the active article's event, or a pick).
 */
import * as vscode from 'vscode';
import type { FromProvenancePage, ProvenancePageState, ToProvenancePage } from '../shared/provenanceProtocol';
import type { AnalysisClient } from './analysisClient';
import type { CorpusService } from './corpusService';
import type { EventService } from './eventService';
import type { EventsNode } from './eventsView';
import { provenanceView } from './provenancePage';
import type { ReuseService } from './reuseService';
import { DELAYS } from './scheduler';
import { createPagePanel, PagePanel } from './webviewPanel';
import type { ProvenanceTimeline } from '../core/reuse/timeline';

export const PROVENANCE_VIEW_TYPE = 'corpusLens.provenance';

export class ProvenancePanels implements vscode.Disposable {
  private readonly panels = new Set<ProvenancePanel>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly postEmitter = new vscode.EventEmitter<{ panel: ProvenancePanel; message: ToProvenancePage }>();
  /** Every message a panel sends its page (the test API keeps the last of each). */
  readonly onDidPost = this.postEmitter.event;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly analysis: AnalysisClient,
    private readonly events: EventService,
    reuse: ReuseService,
  ) {
    this.disposables.push(
      vscode.window.registerWebviewPanelSerializer(PROVENANCE_VIEW_TYPE, {
        deserializeWebviewPanel: async (panel, state: ProvenancePageState | undefined) => {
          this.adopt(panel, state?.event ?? null, state?.articles ?? [], 'Provenance');
        },
      }),
      reuse.onDidChange(() => this.panels.forEach((p) => p.scheduleRefresh())),
      events.onDidChange(() => this.panels.forEach((p) => p.followEvent(this.events))),
    );
  }

  open(eventKey: string | null, articles: readonly string[], title: string): ProvenancePanel {
    return this.adopt(createPagePanel(PROVENANCE_VIEW_TYPE, `Provenance: ${title}`, this.extensionUri), eventKey, articles, title);
  }

  /** The open panels, for tests. */
  all(): readonly ProvenancePanel[] {
    return [...this.panels];
  }

  private adopt(panel: vscode.WebviewPanel, eventKey: string | null, articles: readonly string[], title: string): ProvenancePanel {
    const p = new ProvenancePanel(panel, eventKey, articles, title, this.extensionUri, this.analysis, () => this.panels.delete(p), (message) => this.postEmitter.fire({ panel: p, message }));
    this.panels.add(p);
    return p;
  }

  dispose(): void {
    this.disposables.forEach((d) => d.dispose());
    for (const p of this.panels) p.dispose();
    this.postEmitter.dispose();
  }
}

export class ProvenancePanel extends PagePanel<ToProvenancePage, FromProvenancePage> {
  constructor(
    panel: vscode.WebviewPanel,
    private eventKey: string | null,
    private articles: readonly string[],
    private title: string,
    extensionUri: vscode.Uri,
    private readonly analysis: AnalysisClient,
    onDispose: () => void,
    onPost: (message: ToProvenancePage) => void = () => undefined,
  ) {
    super(panel, 'provenance', extensionUri, DELAYS.provenance, onDispose, onPost);
  }

  /** An event regrouped (articles added or moved): the panel shows its articles as they are now. */
  followEvent(events: EventService): void {
    if (!this.eventKey) return;
    const event = events.events().find((e) => e.key === this.eventKey);
    if (!event || event.articles.join('\n') === this.articles.join('\n')) return;
    this.articles = event.articles;
    this.title = event.name;
    this.scheduleRefresh();
  }

  protected async onMessage(m: FromProvenancePage): Promise<void> {
    if (m.type === 'open' && this.articles.includes(m.id)) {
      await vscode.window.showTextDocument(vscode.Uri.parse(m.id), { viewColumn: vscode.ViewColumn.One, preview: true });
    }
  }

  protected async refresh(): Promise<void> {
    if (!this.ready) return;
    this.panel.title = `Provenance: ${this.title}`;
    const result = await this.answer<{ readonly timeline: ProvenanceTimeline | null; readonly error?: string }>(() => this.analysis.provenance(this.articles), (r) => !!r.timeline, 'The provenance of these articles could not be traced');
    if (!result?.timeline) return;
    const view = provenanceView(this.title, result.timeline);
    await this.post({ type: 'render', view, state: { event: this.eventKey, articles: this.articles } });
  }
}


/** Corpus Lens: Show Provenance — from an event of the Events view, an article, or the palette. */
export function registerProvenanceCommand(corpus: CorpusService, events: EventService, panels: ProvenancePanels): vscode.Disposable {
  return vscode.commands.registerCommand('corpusLens.showProvenance', async (arg?: unknown) => {
    const node = arg as EventsNode | undefined;
    let event = node?.kind === 'event' ? node.event : undefined;
    const uri = arg instanceof vscode.Uri ? arg : node?.kind === 'article' ? node.state.uri : vscode.window.activeTextEditor?.document.uri;
    if (!event && uri && corpus.isArticle(uri)) event = events.eventOf(uri);
    if (!event) {
      const list = events.events();
      if (list.length === 0) {
        void vscode.window.showInformationMessage('No events yet: Corpus Lens groups the articles into events once they are analysed.');
        return undefined;
      }
      const pick = await vscode.window.showQuickPick(
        list.map((e) => ({ label: e.name, description: `${e.articles.length} article${e.articles.length === 1 ? '' : 's'}`, event: e })),
        { title: 'Corpus Lens: Show Provenance', placeHolder: 'Which event’s provenance?' },
      );
      event = pick?.event;
    }
    return event ? panels.open(event.key, event.articles, event.name) : undefined;
  });
}
