/**
 * The one message protocol between the extension host and the analysis worker, in the style of
 * GitLens's IpcCommandType / IpcNotificationType: each request type names its parameters and its
 * result, so the client's `request(AnalyzeRequest, params)` returns exactly the analysis result,
 * and a worker that fails answers with the error itself (message and stack), never a filler answer.
 */
import type { ArticleMetadata } from '../core/article';
import type { UserAnnotation } from '../core/annotations/annotations';
import type { ComparisonReport } from '../core/compare/report';
import type { ExportFormat, ExportOptions } from '../core/export/formats';
import type { CorpusExport } from '../engine/analysisEngine';
import type { ArticleId } from '../core/vocabulary';
import type { AnalysisResult, EntitySummary, EventsSnapshot, MentionLocation, QuoteLocation } from '../engine/results';
import type { ReuseSnapshot } from '../engine/provenance';
import type { ProvenanceTimeline } from '../core/reuse/timeline';

export type { AnalysisResult, EntitySummary, EventsSnapshot, MentionLocation, QuoteLocation, Span } from '../engine/results';

/** A request the worker answers with one `Result`; `Params` travel with it. */
export interface RequestType<Method extends string, Params, Result> {
  readonly method: Method;
  /** Only for the types: never set. */
  readonly _types?: { params: Params; result: Result };
}

/** A one-way message: nothing is answered. */
export interface NotificationType<Method extends string, Params> {
  readonly method: Method;
  readonly _types?: { params: Params };
}

function request<Method extends string, Params, Result>(method: Method): RequestType<Method, Params, Result> {
  return { method };
}

function notification<Method extends string, Params>(method: Method): NotificationType<Method, Params> {
  return { method };
}

/**
 * The document version an analysis was made from: a number for an open document
 * (`TextDocument.version`), null for the file as it is on disk. Results carry it, and are
 * painted only on that version.
 */
export type TextVersion = number | null;

export interface AnalyzeParams {
  readonly uri: ArticleId;
  readonly version: TextVersion;
  /** The article's text, decoded once on the host. */
  readonly text: string;
  readonly metadata: ArticleMetadata;
  /** The event the user pinned the article to (from its sidecar), or null. */
  readonly pinnedEvent: string | null;
  /** The user's annotations, anchored to this text. */
  readonly annotations: readonly UserAnnotation[];
}

/** One article's mentions and quotes, as of the text `version`. */
export interface ArticleEntities {
  readonly version: TextVersion;
  readonly mentions: readonly MentionLocation[];
  readonly quotes: readonly QuoteLocation[];
}

/**
 * What changed in the entity layer since generation `since` (what the host holds): entities
 * added or changed and those gone, and the articles whose mentions or quotes changed (null: the
 * article left the layer). `since: -1` is a whole layer, which replaces what the host held.
 */
export interface EntitiesUpdate {
  readonly since: number;
  readonly generation: number;
  readonly entities: readonly EntitySummary[];
  readonly removedEntities: readonly string[];
  readonly articles: Readonly<Record<ArticleId, ArticleEntities | null>>;
  readonly millis: number;
  /** Set when the entity model could not be loaded; entities are then empty. */
  readonly error?: string;
}

export interface CompareResult {
  readonly report: ComparisonReport | null;
  readonly error?: string;
}

export const AnalyzeRequest = request<'analyze', AnalyzeParams, AnalysisResult>('analyze');
/** A file that could not be decoded (binary, not UTF-8): it leaves the layers, saying why. */
export const UnreadableRequest = request<'unreadable', { readonly uri: ArticleId; readonly message: string }, void>('unreadable');
export const RemoveRequest = request<'remove', { readonly uri: ArticleId }, void>('remove');
export const RenameRequest = request<'rename', { readonly from: ArticleId; readonly to: ArticleId }, void>('rename');
export const EntitiesRequest = request<'entities', { readonly since: number }, EntitiesUpdate>('entities');
export const EventsRequest = request<'events', { readonly threshold: number; readonly maxGapDays: number }, EventsSnapshot>('events');
export const CompareRequest = request<'compare', { readonly uris: readonly ArticleId[] }, CompareResult>('compare');
/** The files of an export, made in the worker by the engine's exportFiles (as `corpus-lens export`). */
export const ExportRequest = request<'export', { readonly format: ExportFormat; readonly options?: ExportOptions }, CorpusExport>('export');
export const ReuseRequest = request<'reuse', Record<string, never>, ReuseSnapshot>('reuse');
export const ProvenanceRequest = request<'provenance', { readonly uris: readonly ArticleId[] }, { readonly timeline: ProvenanceTimeline | null; readonly error?: string }>('provenance');
/**
 * How many worker threads the engine may run the per-article stages on (the setting
 * `corpusLens.analysis.workers`: 0 for one per core, 1 for the analysis worker alone).
 */
export const WorkersRequest = request<'workers', { readonly workers: number }, void>('workers');
/** The host no longer waits for request `id` (a newer one for the same article, or a timeout). */
export const CancelNotification = notification<'cancel', { readonly id: number }>('cancel');

export type AnyRequestType =
  | typeof AnalyzeRequest
  | typeof UnreadableRequest
  | typeof RemoveRequest
  | typeof RenameRequest
  | typeof EntitiesRequest
  | typeof EventsRequest
  | typeof CompareRequest
  | typeof ExportRequest
  | typeof ReuseRequest
  | typeof ProvenanceRequest
  | typeof WorkersRequest;

export type ParamsOf<T> = T extends RequestType<string, infer P, unknown> ? P : T extends NotificationType<string, infer P> ? P : never;
export type ResultOf<T> = T extends RequestType<string, unknown, infer R> ? R : never;
export type Method = AnyRequestType['method'];
export type RequestOf<M extends Method> = Extract<AnyRequestType, { method: M }>;

/** A request on the wire: `key` names what a newer request supersedes (an article's analysis). */
export type RequestMessage = { [M in Method]: { readonly kind: 'request'; readonly id: number; readonly method: M; readonly params: ParamsOf<RequestOf<M>>; readonly key?: string } }[Method];
export interface NotificationMessage {
  readonly kind: 'notification';
  readonly method: typeof CancelNotification.method;
  readonly params: ParamsOf<typeof CancelNotification>;
}

/** An exception in the worker, as it was thrown. */
export interface WorkerError {
  readonly name: string;
  readonly message: string;
  readonly stack?: string;
}

export type ResponseMessage =
  | { readonly kind: 'response'; readonly id: number; readonly result: unknown }
  | { readonly kind: 'error'; readonly id: number; readonly error: WorkerError }
  /** A request superseded before it ran: nothing was done. */
  | { readonly kind: 'cancelled'; readonly id: number };

export type HostMessage = RequestMessage | NotificationMessage;
