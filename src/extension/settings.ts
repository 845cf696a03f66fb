/** Typed access to the corpusLens.* settings. */
import * as vscode from 'vscode';
import { ENTITY_KINDS } from '../core/vocabulary';

export const DEFAULT_INCLUDE: readonly string[] = ['**/seeds/**/*.txt'];
export const DEFAULT_EXCLUDE = '**/{node_modules,.git,.corpus-lens}/**';

export interface CorpusLensSettings {
  exclude: string;
  showBoilerplate: boolean;
  entityKinds: ReadonlySet<string>;
  showQuotes: boolean;
  showQuoteSpeakers: boolean;
  showReuse: boolean;
  debounceMs: number;
  maxFileBytes: number;
  /** `analysis.workers`: 0 one per core, 1 the analysis worker alone. */
  workers: number;
  events: { threshold: number; maxGapDays: number };
}

export function readSettings(): CorpusLensSettings {
  const c = vscode.workspace.getConfiguration('corpusLens');
  return {
    exclude: c.get<string>('exclude') || DEFAULT_EXCLUDE,
    showBoilerplate: c.get<boolean>('decorations.boilerplate', true),
    showQuotes: c.get<boolean>('decorations.quotes', true),
    showQuoteSpeakers: c.get<boolean>('decorations.quoteSpeakers', true),
    showReuse: c.get<boolean>('decorations.reuse', true),
    entityKinds: new Set(c.get<string[]>('decorations.entities', [...ENTITY_KINDS])),
    debounceMs: clamp(c.get<number>('analysis.debounceMs', 300), 50, 5000),
    maxFileBytes: Math.max(1, c.get<number>('analysis.maxFileSizeMB', 20)) * 1024 * 1024,
    workers: Math.floor(clamp(c.get<number>('analysis.workers', 0), 0, 64)),
    events: {
      threshold: clamp(c.get<number>('events.threshold', 0.11), 0.01, 0.9),
      maxGapDays: clamp(c.get<number>('events.maxGapDays', 90), 1, 100000),
    },
  };
}

/**
 * The include globs a workspace folder sets, or null when nobody set them (the default applies).
 * The setting was once one string; that form is still read.
 */
export function explicitIncludeGlobs(folder: vscode.WorkspaceFolder): string[] | null {
  const inspected = vscode.workspace.getConfiguration('corpusLens', folder.uri).inspect<string | string[]>('include');
  const value = inspected?.workspaceFolderValue ?? inspected?.workspaceValue ?? inspected?.globalValue;
  if (value === undefined || value === null) return null;
  return normaliseGlobs(value);
}

export function normaliseGlobs(value: unknown): string[] {
  const list = Array.isArray(value) ? value : [value];
  return [...new Set(list.filter((g): g is string => typeof g === 'string').map((g) => g.trim()).filter(Boolean))];
}

function clamp(n: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, Number.isFinite(n) ? n : lo));
}
