/** The one message protocol between the extension host and the analysis worker. */
import type { ArticleMetadata } from '../core/article';
import type { UserAnnotation } from '../core/annotations/annotations';
import type { ComparisonReport } from '../core/compare/report';
import type { ExportArticle } from '../core/export/formats';
import type { AnalysisResult, EntitySnapshot, EventsSnapshot } from '../engine/results';
import type { ReuseSnapshot } from '../engine/provenance';
import type { ProvenanceTimeline } from '../core/reuse/timeline';

export type { AnalysisResult, EntitySnapshot, EntitySummary, EventsSnapshot, MentionLocation, QuoteLocation, RangeLocation } from '../engine/results';

export type AnalysisRequest =
  | {
      type: 'analyze';
      id: number;
      uri: string;
      /** Text of an open document, or raw bytes of a file on disk (decoded in the worker). */
      text?: string;
      bytes?: Uint8Array;
      metadata: ArticleMetadata;
      /** The event the user pinned the article to (from its sidecar), or null. */
      pinnedEvent: string | null;
      /** The user's annotations, anchored to this text. */
      annotations: readonly UserAnnotation[];
    }
  | { type: 'remove'; id: number; uri: string }
  | { type: 'entities'; id: number }
  | { type: 'events'; id: number; threshold: number; maxGapDays: number }
  | { type: 'compare'; id: number; uris: readonly string[] }
  | { type: 'exportData'; id: number }
  | { type: 'reuse'; id: number }
  | { type: 'provenance'; id: number; uris: readonly string[] }
  | { type: 'rename'; id: number; from: string; to: string };

export type AnalysisResponse =
  | { type: 'done'; id: number; uri: string; result: AnalysisResult | null }
  | { type: 'entities'; id: number; uri: ''; result: null; snapshot: EntitySnapshot }
  | { type: 'events'; id: number; uri: ''; result: null; events: EventsSnapshot }
  | { type: 'compare'; id: number; uri: ''; result: null; report: ComparisonReport | null; error?: string }
  | { type: 'exportData'; id: number; uri: ''; result: null; articles: ExportArticle[] }
  | { type: 'reuse'; id: number; uri: ''; result: null; reuse: ReuseSnapshot }
  | { type: 'provenance'; id: number; uri: ''; result: null; timeline: ProvenanceTimeline | null; error?: string };
