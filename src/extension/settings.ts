/** Typed access to the corpusLens.* settings. */
import * as vscode from 'vscode';

export interface CorpusLensSettings {
  include: string;
  exclude: string;
  showBoilerplate: boolean;
  entityKinds: ReadonlySet<string>;
  showQuotes: boolean;
  showQuoteSpeakers: boolean;
  debounceMs: number;
  maxFileBytes: number;
  events: { threshold: number; maxGapDays: number };
}

export function readSettings(): CorpusLensSettings {
  const c = vscode.workspace.getConfiguration('corpusLens');
  return {
    include: c.get<string>('include') || '**/seeds/**/*.txt',
    exclude: c.get<string>('exclude') || '**/{node_modules,.git,.corpus-lens}/**',
    showBoilerplate: c.get<boolean>('decorations.boilerplate', true),
    showQuotes: c.get<boolean>('decorations.quotes', true),
    showQuoteSpeakers: c.get<boolean>('decorations.quoteSpeakers', true),
    entityKinds: new Set(c.get<string[]>('decorations.entities', ['PER', 'ORG', 'LOC', 'GROUP', 'MISC', 'DATE'])),
    debounceMs: clamp(c.get<number>('analysis.debounceMs', 300), 50, 5000),
    maxFileBytes: Math.max(1, c.get<number>('analysis.maxFileSizeMB', 20)) * 1024 * 1024,
    events: {
      threshold: clamp(c.get<number>('events.threshold', 0.11), 0.01, 0.9),
      maxGapDays: clamp(c.get<number>('events.maxGapDays', 90), 1, 100000),
    },
  };
}

function clamp(n: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, Number.isFinite(n) ? n : lo));
}
