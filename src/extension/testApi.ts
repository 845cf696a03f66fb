/**
 * What the extension exports to other extensions and to our integration tests:
 * read-only views of the corpus, so tests check real state instead of pixels.
 */
import * as vscode from 'vscode';
import type { BoilerplateDecorations } from './boilerplateDecorations';
import type { CorpusService } from './corpusService';
import type { EntityDecorations } from './entityDecorations';
import type { EntityService } from './entityService';
import type { EventService } from './eventService';
import type { EventsTreeProvider } from './eventsView';
import type { ComparePanel, ComparePanels } from './comparePanel';
import type { ToWebview } from '../shared/compareProtocol';
import type { ToProvenancePage } from '../shared/provenanceProtocol';
import type { QuoteDecorations } from './quoteDecorations';
import type { ArticleDecorator, Painted } from './articleDecorator';

/** The layers the test API reports paints of. */
export type PaintedLayer = 'boilerplate' | 'entities' | 'quotes' | 'reuse';
import type { ProvenancePanel, ProvenancePanels } from './provenancePanel';
import type { ReuseDecorations, ReuseService } from './reuseService';

export interface CorpusLensApi {
  readonly activationMillis: number;
  /** From activation until the first indexing and the corpus-wide layers after it were done (0 before). */
  readyMillis(): number;
  whenIndexed(): Promise<void>;
  indexMillis(): number;
  /** Of the last indexing, how long finding the files took. */
  discoverMillis(): number;
  /** The progress the last indexing reported, in order: where it showed and what it said ("16/1000"). */
  indexProgress(): ReadonlyArray<{ location: 'notification' | 'window'; message: string }>;
  /** How many items the Events view shows at its top level now. */
  eventsViewRoots(): number;
  articles(): Array<{ uri: string; status: string; title: string | null; outlet: string | null; date: string | null }>;
  boilerplateDecorations(uri: vscode.Uri): readonly vscode.Range[];
  /** Waits until entities reflect every change so far. */
  entitiesSettled(): Promise<void>;
  entities(): Array<{ id: string; type: string; canonical: string; aliases: readonly string[]; mentionCount: number }>;
  entityDecorationCount(uri: vscode.Uri): number;
  /** Waits until events reflect every change so far. */
  eventsSettled(): Promise<void>;
  events(): Array<{ key: string; label: string; pinned: boolean; articles: readonly string[] }>;
  quotes(uri: vscode.Uri): Array<{ text: string; speaker: string | null; links: number }>;
  quoteDecorationCount(uri: vscode.Uri): number;
  /** The speaker labels painted after quotes: document offset and text. */
  quoteSpeakerLabels(uri: vscode.Uri): ReadonlyArray<{ offset: number; text: string }>;
  /** What each open Compare panel last rendered: the files and shared fractions. */
  comparePanels(): Array<{ files: string[]; rendered: string | null; shared: number[] }>;
  /** Waits until the shared passages reflect every change so far. */
  reuseSettled(): Promise<void>;
  /** The shared passages of an article (offsets, the other article) and its share label. */
  reuse(uri: vscode.Uri): { shareLabel: string; passages: Array<{ start: number; end: number; other: string; kind: string }> } | null;
  reuseDecorationCount(uri: vscode.Uri): number;
  /** What each open Provenance panel last rendered: its articles and edges. */
  provenancePanels(): Array<{ rendered: string | null; nodes: string[]; edges: number }>;
  /** Sidecar files the watcher reported, in order (the last 200). */
  sidecarEvents(): readonly string[];
  /** What a layer last painted for a document: the document version it painted on and the ranges. */
  painted(layer: PaintedLayer, uri: vscode.Uri): { version: number; ranges: readonly vscode.Range[] } | undefined;
  /** The version of the article's text its entity layer (mentions, quotes) was found in. */
  entityVersion(uri: vscode.Uri): number | null | undefined;
  /** The version of the article's text its analysis (boilerplate, metadata) was made from. */
  analysisVersion(uri: vscode.Uri): number | null | undefined;
}

/** Keeps the last paint per layer and document, for the tests. */
function recordPaints(layers: Record<PaintedLayer, ArticleDecorator>, subscriptions: vscode.Disposable[]): (layer: PaintedLayer, uri: vscode.Uri) => Painted | undefined {
  const last = new Map<string, Painted>();
  for (const [layer, decorator] of Object.entries(layers)) subscriptions.push(decorator.onDidPaint((p) => last.set(`${layer} ${p.uri.toString()}`, p)));
  return (layer, uri) => last.get(`${layer} ${uri.toString()}`);
}

/** Keeps the last message each Compare and Provenance panel sent its page, for the tests. */
function recordRenders(
  compare: ComparePanels,
  provenance: ProvenancePanels,
  subscriptions: vscode.Disposable[],
): { compare: (p: ComparePanel) => ToWebview | null; provenance: (p: ProvenancePanel) => ToProvenancePage | null } {
  const lastCompare = new WeakMap<ComparePanel, ToWebview>();
  const lastProvenance = new WeakMap<ProvenancePanel, ToProvenancePage>();
  subscriptions.push(
    // A reveal only scrolls the page: what it shows is still the last render.
    compare.onDidPost(({ panel, message }) => message.type !== 'reveal-in-panel' && lastCompare.set(panel, message)),
    provenance.onDidPost(({ panel, message }) => lastProvenance.set(panel, message)),
  );
  return { compare: (p) => lastCompare.get(p) ?? null, provenance: (p) => lastProvenance.get(p) ?? null };
}

export function createTestApi(
  corpus: CorpusService,
  boilerplate: BoilerplateDecorations,
  entities: EntityService,
  entityDecorations: EntityDecorations,
  events: EventService,
  quoteDecorations: QuoteDecorations,
  comparePanels: ComparePanels,
  indexed: Promise<void>,
  timing: { activationMillis: number; readyMillis: () => number },
  provenance: { reuse: ReuseService; decorations: ReuseDecorations; panels: ProvenancePanels },
  eventsView: EventsTreeProvider,
  subscriptions: vscode.Disposable[],
): CorpusLensApi {
  const lastPaint = recordPaints({ boilerplate, entities: entityDecorations, quotes: quoteDecorations, reuse: provenance.decorations }, subscriptions);
  const sidecarEvents = recordSidecarEvents(corpus, subscriptions);
  const lastRendered = recordRenders(comparePanels, provenance.panels, subscriptions);
  return {
    activationMillis: timing.activationMillis,
    readyMillis: timing.readyMillis,
    whenIndexed: () => indexed,
    indexMillis: () => corpus.lastIndexMillis,
    discoverMillis: () => corpus.lastDiscoverMillis,
    indexProgress: () => [...corpus.indexProgress],
    eventsViewRoots: () => eventsView.getChildren().length,
    articles: () =>
      corpus.all().map((s) => ({
        uri: s.uri.toString(),
        status: s.status,
        title: s.status === 'ok' ? s.article.title : null,
        outlet: s.status === 'ok' ? s.article.outlet : null,
        date: s.status === 'ok' ? s.article.date : null,
      })),
    boilerplateDecorations: (uri) => lastPaint('boilerplate', uri)?.ranges ?? [],
    entitiesSettled: () => entities.refreshNow(),
    entities: () => entities.entities().map((e) => ({ id: e.id, type: e.type, canonical: e.canonical, aliases: e.aliases, mentionCount: e.mentionCount })),
    entityDecorationCount: (uri) => lastPaint('entities', uri)?.ranges.length ?? 0,
    eventsSettled: () => events.refreshNow(),
    events: () => events.events().map((e) => ({ key: e.key, label: e.label, pinned: e.pinned, articles: e.articles })),
    quotes: (uri) => entities.quotesIn(uri).map((q) => ({ text: q.text, speaker: q.speaker?.name ?? null, links: q.links.length })),
    quoteDecorationCount: (uri) => lastPaint('quotes', uri)?.ranges.length ?? 0,
    quoteSpeakerLabels: (uri) => lastPaint('quotes', uri)?.labels ?? [],
    sidecarEvents: () => sidecarEvents,
    painted: (layer, uri) => {
      const p = lastPaint(layer, uri);
      return p && { version: p.version, ranges: p.ranges };
    },
    entityVersion: (uri) => entities.versionOf(uri),
    analysisVersion: (uri) => {
      const s = corpus.get(uri);
      return s?.status === 'ok' ? s.version : undefined;
    },
    reuseSettled: () => provenance.reuse.refreshNow(),
    reuse: (uri) => {
      const r = provenance.reuse.of(uri);
      return r ? { shareLabel: r.shareLabel, passages: r.passages.map((p) => ({ start: p.start, end: p.end, other: p.other.uri, kind: p.kind })) } : null;
    },
    reuseDecorationCount: (uri) => lastPaint('reuse', uri)?.ranges.length ?? 0,
    provenancePanels: () =>
      provenance.panels.all().map((p) => {
        const r = lastRendered.provenance(p);
        return { rendered: r?.type ?? null, nodes: r?.type === 'render' ? r.view.nodes.map((n) => n.id) : [], edges: r?.type === 'render' ? r.view.edges.length : 0 };
      }),
    comparePanels: () =>
      comparePanels.all().map((p) => {
        const r = lastRendered.compare(p);
        return { files: p.files.map((f) => f.toString()), rendered: r?.type ?? null, shared: r?.type === 'render' ? r.view.articles.map((a) => a.sharedFraction) : [] };
      }),
  };
}

/** Sidecar files the corpus's watcher reported (the last 200, oldest first). */
function recordSidecarEvents(corpus: CorpusService, subscriptions: vscode.Disposable[]): readonly string[] {
  const seen: string[] = [];
  subscriptions.push(
    corpus.onDidSeeSidecarChange((uri) => {
      seen.push(vscode.workspace.asRelativePath(uri, false));
      if (seen.length > 200) seen.splice(0, seen.length - 200);
    }),
  );
  return seen;
}
