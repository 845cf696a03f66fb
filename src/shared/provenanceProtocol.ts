/**
 * Messages between the Provenance panel (extension host) and its page (media/provenance/).
 * Plain declarations that import nothing: the host sends the timeline as the page draws it
 * (rows, columns, nodes, edges and every sentence shown), the page only lays it out.
 */

export interface ProvenanceRowView {
  readonly key: string;
  readonly label: string;
}

export interface ProvenanceColumnView {
  readonly label: string;
  /** ISO day, or null for the undated column (always last). */
  readonly date: string | null;
}

export interface ProvenanceNodeView {
  /** The article's URI. */
  readonly id: string;
  readonly label: string;
  readonly title: string | null;
  readonly outlet: string | null;
  readonly date: string | null;
  readonly row: number;
  readonly column: number;
  readonly slot: number;
  /** Share of the body in no earlier article; null when an order it rests on is unknown. */
  readonly originalShare: number | null;
  readonly sharedShare: number;
  readonly firstQuotes: number;
  readonly outside: number;
  readonly shareLabel: string;
  readonly summary: string;
}

export interface ProvenanceEdgeView {
  readonly from: number;
  readonly to: number;
  readonly directed: boolean;
  readonly share: number;
  readonly passages: number;
  readonly words: number;
  readonly kind: 'verbatim' | 'edited' | 'rewritten';
  readonly similarity: number;
  readonly summary: string;
}

export interface ProvenanceQuoteView {
  readonly text: string;
  readonly carriers: readonly number[];
  readonly first: number | null;
  readonly firstLabel: string;
}

export interface ProvenanceView {
  /** What the view shows, e.g. the event's name. */
  readonly title: string;
  readonly rows: readonly ProvenanceRowView[];
  readonly columns: readonly ProvenanceColumnView[];
  readonly nodes: readonly ProvenanceNodeView[];
  readonly edges: readonly ProvenanceEdgeView[];
  readonly quotes: readonly ProvenanceQuoteView[];
  readonly summary: string;
}

export type ToProvenancePage = { readonly type: 'render'; readonly view: ProvenanceView; readonly state: ProvenancePageState } | { readonly type: 'error'; readonly message: string };

export type FromProvenancePage = { readonly type: 'ready' } | { readonly type: 'open'; readonly id: string };

/** Kept by the webview across reloads. */
export interface ProvenancePageState {
  readonly event: string | null;
  readonly articles: readonly string[];
}
