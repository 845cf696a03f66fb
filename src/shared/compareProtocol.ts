/**
 * Messages between the Compare panel (extension host) and its page (media/compare/). Plain
 * declarations that import nothing: the host sends the comparison as the page shows it (the
 * aligned rows, the matrices, each article's header), the page only lays it out.
 */

/** One article's column header. */
export interface CompareArticleView {
  readonly file: string;
  readonly title: string | null;
  readonly outlet: string | null;
  readonly date: string | null;
  readonly sharedFraction: number;
  readonly overlapFraction: number;
  /** How many of its passages no other article has. */
  readonly uniqueCount: number;
}

/** A passage of one article in a row: offsets into that article's text. */
export interface CompareCell {
  readonly file: string;
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** Twins across articles share a row; a passage only one article has gets its own. */
export interface CompareRow {
  readonly id: number;
  /** One list of passages per article, in column order (usually zero or one). */
  readonly cells: readonly (readonly CompareCell[])[];
  readonly relation: 'identical' | 'near-identical' | 'overlap' | 'unique';
  readonly score: number;
}

export interface CompareQuoteRow {
  readonly speaker: string | null;
  /** Per article: how it renders the quote, or null when it does not carry it. */
  readonly variants: readonly (string | null)[];
  readonly relation: 'same' | 'similar' | 'single';
}

export interface CompareEntityRow {
  readonly name: string;
  readonly type: string;
  /** Mentions per article, in column order. */
  readonly counts: readonly number[];
}

/** Everything the page renders. */
export interface CompareView {
  readonly articles: readonly CompareArticleView[];
  readonly rows: readonly CompareRow[];
  readonly quotes: readonly CompareQuoteRow[];
  readonly entities: readonly CompareEntityRow[];
}

export type ToWebview =
  | { type: 'render'; view: CompareView; files: readonly string[]; labels: readonly string[] }
  | { type: 'reveal-in-panel'; file: string; start: number; end: number }
  | { type: 'error'; message: string };

export type FromWebview =
  | { type: 'ready' }
  | { type: 'reveal'; file: string; start: number; end: number }
  | { type: 'export'; format: 'markdown' | 'html' };

/** What the panel keeps across a window reload (vscode.setState / WebviewPanelSerializer). */
export interface CompareState {
  readonly files: readonly string[];
}
