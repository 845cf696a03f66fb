/** The one message protocol of the Compare webview, imported by both the extension and the page. */
import type { ComparisonReport } from '../core/compare/report';

export type ToWebview =
  | { type: 'render'; report: ComparisonReport; files: readonly string[]; labels: readonly string[] }
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
