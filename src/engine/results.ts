/**
 * What the engine answers, as plain data: the editor's views read these, the worker sends them.
 * (The worker's message protocol, src/extension/analysisProtocol.ts, carries them.)
 */
import type { ArticleJson } from '../core/articleSummary';
import type { CorpusEvent } from '../core/events/corpusEvents';
import type { EntitySubtype, EntityType } from '../core/vocabulary';

export type AnalysisResult =
  | { ok: true; article: ArticleJson; bodyLength: number; hash: string; millis: number }
  | { ok: false; message: string };

export interface EventsSnapshot {
  readonly generation: number;
  readonly events: readonly CorpusEvent[];
  readonly millis: number;
  readonly error?: string;
}

/**
 * A span of an article's text as character offsets (UTF-16, as JavaScript and VS Code count
 * them). The engine never turns offsets into lines: the editor does, by the document's own
 * conversion (src/extension/navigation.ts).
 */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** A mention: its offsets in its article's text, and the entity it names. */
export interface MentionLocation extends Span {
  readonly text: string;
  readonly type: EntityType;
  readonly subtype?: EntitySubtype;
  readonly entityId: string;
  /** The tagger's confidence in an automatic name (lower: less sure; 0 for copied names); absent on the user's. */
  readonly margin?: number;
}

export interface EntitySummary {
  readonly id: string;
  readonly type: EntityType;
  readonly subtype?: EntitySubtype;
  readonly canonical: string;
  readonly aliases: readonly string[];
  /** The sentence of the first mention in the corpus (articles in path order). */
  readonly firstSentence: string;
  readonly firstMention: { readonly uri: string } & Span;
  readonly mentionCount: number;
  readonly articleCount: number;
}

export interface QuoteLocation extends Span {
  readonly text: string;
  readonly kind: 'direct' | 'partial';
  readonly cue: (Span & { readonly text: string }) | null;
  readonly speaker: (Span & { readonly text: string; readonly name: string; readonly entityId: string | null }) | null;
  /** The same quote (or a near-paraphrase) in other articles. */
  readonly links: ReadonlyArray<{ readonly uri: string; readonly index: number; readonly relation: 'same' | 'similar'; readonly score: number }>;
}

/** The corpus-wide entity layer as of one index generation. */
export interface EntitySnapshot {
  readonly generation: number;
  readonly entities: readonly EntitySummary[];
  /** Per article URI: its mentions in text order. */
  readonly mentions: Readonly<Record<string, readonly MentionLocation[]>>;
  /** Per article URI: its quotes in text order, with speakers and cross-article links. */
  readonly quotes: Readonly<Record<string, readonly QuoteLocation[]>>;
  readonly millis: number;
  /** Set when the entity model could not be loaded; entities are then empty. */
  readonly error?: string;
}
