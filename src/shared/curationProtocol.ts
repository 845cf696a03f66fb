/**
 * Messages between the Curation panel (Compare Annotations with…, extension host) and its page
 * (media/curation/). Plain declarations that import nothing: the host sends both annotators'
 * versions of the article as the page draws them and the disagreements with the side the
 * curated version (the article's sidecar) follows; the page sends back which side to take.
 */

export type CurationSide = 'a' | 'b';

/** A stretch of a paragraph as one annotator marked it: plain text, or an annotation's words. */
export interface CurationSegmentView {
  readonly text: string;
  /** The annotation's label (PER, ORG, LOC, MISC, DATE, TIME, QUOTE, or another tool's), null for plain text. */
  readonly label: string | null;
  /** The disagreement this annotation is part of (an index into `items`), null when both agree on it. */
  readonly item: number | null;
  /** Whether the annotation carries on after this piece (nested or overlapping annotations are cut in pieces). */
  readonly continues: boolean;
}

export interface CurationRowView {
  /** Offset of the paragraph in the article. */
  readonly start: number;
  readonly a: readonly CurationSegmentView[];
  readonly b: readonly CurationSegmentView[];
  /** Disagreements in this paragraph. */
  readonly items: readonly number[];
}

export interface CurationItemView {
  readonly key: string;
  readonly kind: 'only-a' | 'only-b' | 'label';
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** Each side's label here, null when that side has no annotation here. */
  readonly a: string | null;
  readonly b: string | null;
  /** The side the curated version follows here now; null when it follows neither. */
  readonly curated: CurationSide | null;
  /** Why a side cannot be taken, when it cannot. */
  readonly cannotTakeA: string | null;
  readonly cannotTakeB: string | null;
  /** One sentence for screen readers and tooltips. */
  readonly summary: string;
}

export interface CurationSideView {
  /** A short name for column headers and buttons ("yours", the other folder's name). */
  readonly name: string;
  /** What the side is, in a sentence (where it was read from). */
  readonly detail: string;
}

export interface CurationView {
  readonly title: string;
  readonly a: CurationSideView;
  readonly b: CurationSideView;
  readonly items: readonly CurationItemView[];
  readonly rows: readonly CurationRowView[];
  /** Annotations both sides have (label and span). */
  readonly agreed: number;
  /** Whether there is a take to undo. */
  readonly canUndo: boolean;
  readonly summary: string;
}

export type ToCurationPage = { readonly type: 'render'; readonly view: CurationView; readonly state: CurationPageState } | { readonly type: 'error'; readonly message: string };

export type FromCurationPage =
  | { readonly type: 'ready' }
  | { readonly type: 'take'; readonly key: string; readonly side: CurationSide }
  | { readonly type: 'takeAll'; readonly side: CurationSide }
  | { readonly type: 'undo' }
  | { readonly type: 'reveal'; readonly start: number; readonly end: number };

/** Kept by the webview across reloads. */
export interface CurationPageState {
  /** The article's URI and the other annotator's folder. */
  readonly article: string;
  readonly folder: string;
}
