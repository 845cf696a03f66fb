/**
 * Places to go to in the corpus, as the worker found them: an article, character offsets into
 * its text, and the version of the text those offsets index. Pure (no `vscode`): the one
 * conversion of offsets into editor positions is src/extension/navigation.ts's, by the
 * document's own `positionAt`; this module only describes, checks, orders and encodes targets.
 */
import type { ArticleId } from '../core/vocabulary';
import type { Span, TextVersion } from './analysisProtocol';

export type { Span };

/** A span of one article's text, as of one version of that text. */
export interface Target extends Span {
  readonly article: ArticleId;
  /** The text version the offsets index: a document version, or null for the file on disk. */
  readonly version: TextVersion;
}

/** The command hover links and tree items run to open a target. */
export const OPEN_TARGET_COMMAND = 'corpusLens.openTarget';

export function target(article: ArticleId, span: Span, version: TextVersion): Target {
  return { article, start: span.start, end: span.end, version };
}

/** "file:///c/seeds/001.txt 120–135 (version 3)": for logs and messages. */
export function describeTarget(t: Target): string {
  return `${t.article} ${t.start}–${t.end} (${t.version === null ? 'as saved' : `version ${t.version}`})`;
}

/** A text a target may be resolved in: its version, whether it has unsaved changes, its length. */
export interface TextState {
  readonly version: number;
  readonly isDirty: boolean;
  readonly length: number;
}

/**
 * Whether a target's offsets still index this text: it was found in this version (or in the file
 * as saved, and the text has no unsaved change) and its span lies inside the text.
 */
export function holdsIn(t: Target, text: TextState): boolean {
  const sameText = t.version === null ? !text.isDirty : t.version === text.version;
  return sameText && t.start >= 0 && t.start <= t.end && t.end <= text.length;
}

/** Newer first: a document version is newer than the file as saved, a higher version than a lower. */
export function byFreshness(a: Target, b: Target): number {
  return rank(b.version) - rank(a.version);
}

function rank(v: TextVersion): number {
  return v === null ? -1 : v;
}

/** The spans that contain an offset, ends included (a cursor just after a name is on it). */
export function spansAt<T extends Span>(spans: readonly T[], offset: number): T[] {
  return spans.filter((s) => s.start <= offset && offset <= s.end);
}

/** The first span that contains an offset, and its index. */
export function spanAt<T extends Span>(spans: readonly T[], offset: number): { span: T; index: number } | undefined {
  const index = spans.findIndex((s) => s.start <= offset && offset <= s.end);
  return index >= 0 ? { span: spans[index], index } : undefined;
}

/** A `command:` link that opens the target (for trusted Markdown: hovers). */
export function targetLink(t: Target): string {
  return `command:${OPEN_TARGET_COMMAND}?${encodeURIComponent(JSON.stringify([t]))}`;
}

/** The target a command link (or a tree item) passed, or undefined when it is not one. */
export function decodeTarget(arg: unknown): Target | undefined {
  if (typeof arg === 'string') {
    try {
      return decodeTarget(JSON.parse(arg));
    } catch {
      return undefined;
    }
  }
  if (Array.isArray(arg)) return arg.length === 1 ? decodeTarget(arg[0]) : undefined;
  if (typeof arg !== 'object' || arg === null) return undefined;
  const o = arg as Record<string, unknown>;
  const offset = (v: unknown) => typeof v === 'number' && Number.isInteger(v) && v >= 0;
  if (typeof o.article !== 'string' || !offset(o.start) || !offset(o.end) || (o.end as number) < (o.start as number)) return undefined;
  if (!(o.version === null || (typeof o.version === 'number' && Number.isInteger(o.version)))) return undefined;
  return { article: o.article, start: o.start as number, end: o.end as number, version: o.version as TextVersion };
}

/** A target's link as the text of its command URI's query decoded (what VS Code passes the command). */
export function linkArguments(link: string): unknown {
  const q = link.indexOf('?');
  return q < 0 ? undefined : JSON.parse(decodeURIComponent(link.slice(q + 1)));
}
