/** The one message protocol between the extension host and the analysis worker. */
import type { ArticleMetadata } from '../core/article';
import type { ArticleJson } from '../core/articleSummary';

export type AnalysisRequest =
  | {
      type: 'analyze';
      id: number;
      uri: string;
      /** Text of an open document, or raw bytes of a file on disk (decoded in the worker). */
      text?: string;
      bytes?: Uint8Array;
      metadata: ArticleMetadata;
    }
  | { type: 'remove'; id: number; uri: string }
  | { type: 'rename'; id: number; from: string; to: string };

export type AnalysisResult =
  | { ok: true; article: ArticleJson; bodyLength: number; hash: string; millis: number }
  | { ok: false; message: string };

export type AnalysisResponse = { type: 'done'; id: number; uri: string; result: AnalysisResult | null };
