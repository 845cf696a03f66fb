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
import type { ComparePanels } from './comparePanel';
import type { QuoteDecorations } from './quoteDecorations';

export interface CorpusLensApi {
  readonly activationMillis: number;
  whenIndexed(): Promise<void>;
  indexMillis(): number;
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
  /** Sidecar files the watcher reported, in order. */
  sidecarEvents(): readonly string[];
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
  activationMillis: number,
): CorpusLensApi {
  return {
    activationMillis,
    whenIndexed: () => indexed,
    indexMillis: () => corpus.lastIndexMillis,
    articles: () =>
      corpus.all().map((s) => ({
        uri: s.uri.toString(),
        status: s.status,
        title: s.status === 'ok' ? s.article.title : null,
        outlet: s.status === 'ok' ? s.article.outlet : null,
        date: s.status === 'ok' ? s.article.date : null,
      })),
    boilerplateDecorations: (uri) => boilerplate.rangesFor(uri),
    entitiesSettled: () => entities.refreshNow(),
    entities: () => entities.entities().map((e) => ({ id: e.id, type: e.type, canonical: e.canonical, aliases: e.aliases, mentionCount: e.mentionCount })),
    entityDecorationCount: (uri) => entityDecorations.paintedCount(uri),
    eventsSettled: () => events.refreshNow(),
    events: () => events.events().map((e) => ({ key: e.key, label: e.label, pinned: e.pinned, articles: e.articles })),
    quotes: (uri) => entities.quotesIn(uri).map((q) => ({ text: q.text, speaker: q.speaker?.name ?? null, links: q.links.length })),
    quoteDecorationCount: (uri) => quoteDecorations.paintedCount(uri),
    quoteSpeakerLabels: (uri) => quoteDecorations.paintedLabels(uri),
    sidecarEvents: () => corpus.sidecarEvents,
    comparePanels: () =>
      comparePanels.all().map((p) => ({
        files: p.files.map((f) => f.toString()),
        rendered: p.lastRendered?.type ?? null,
        shared: p.lastRendered?.type === 'render' ? p.lastRendered.report.articles.map((a) => a.sharedFraction) : [],
      })),
  };
}
