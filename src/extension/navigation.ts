/**
 * The one place offsets become editor positions (and back): always by the document's own
 * conversion, `TextDocument.positionAt` / `offsetAt`, so CRLF, a lone CR and surrogate pairs
 * count as VS Code counts them. The worker sends offsets and the text version they index
 * (src/extension/targets.ts); a target in another article is resolved in that article's
 * document, opened with `workspace.openTextDocument` (read, not shown). Hover links and tree
 * items open targets with the `corpusLens.openTarget` command.
 */
import * as vscode from 'vscode';
import { decodeTarget, describeTarget, holdsIn, OPEN_TARGET_COMMAND, spanAt, spansAt, targetLink, type Span, type Target } from './targets';

export { target, targetLink, type Target } from './targets';

/** A span of a document's text as a range, by the document's conversion. */
export function rangeIn(doc: vscode.TextDocument, span: Span): vscode.Range {
  return new vscode.Range(doc.positionAt(span.start), doc.positionAt(span.end));
}

/** An offset of a document's text as a position. */
export function positionIn(doc: vscode.TextDocument, offset: number): vscode.Position {
  return doc.positionAt(offset);
}

/** A position in a document as an offset of its text. */
export function offsetIn(doc: vscode.TextDocument, position: vscode.Position): number {
  return doc.offsetAt(position);
}

/** The spans (of this document's text) a position falls in. */
export function spansAtPosition<T extends Span>(doc: vscode.TextDocument, spans: readonly T[], position: vscode.Position): T[] {
  return spansAt(spans, doc.offsetAt(position));
}

/** The first span (of this document's text) a position falls in, and its index. */
export function spanAtPosition<T extends Span>(doc: vscode.TextDocument, spans: readonly T[], position: vscode.Position): { span: T; index: number } | undefined {
  return spanAt(spans, doc.offsetAt(position));
}

/** Whether a target's offsets index the document as it is now. */
export function holdsInDocument(t: Target, doc: vscode.TextDocument): boolean {
  return holdsIn(t, { version: doc.version, isDirty: doc.isDirty, length: doc.getText().length });
}

/** The document a target points into: the open one if it is open, else read from disk. */
export async function documentOf(t: Target): Promise<vscode.TextDocument> {
  const uri = vscode.Uri.parse(t.article);
  return vscode.workspace.textDocuments.find((d) => d.uri.toString() === t.article) ?? (await vscode.workspace.openTextDocument(uri));
}

/** A target as a location. An article edited since its analysis still gets its offsets (clamped), the best guess until the new analysis arrives. */
export async function locationOf(t: Target): Promise<vscode.Location> {
  const doc = await documentOf(t);
  return new vscode.Location(doc.uri, rangeIn(doc, clamp(t, doc)));
}

/** Several targets as locations, each article's document opened once, in the targets' order. */
export async function locationsOf(targets: readonly Target[]): Promise<vscode.Location[]> {
  const docs = new Map<string, Promise<vscode.TextDocument>>();
  for (const t of targets) if (!docs.has(t.article)) docs.set(t.article, documentOf(t));
  const out: vscode.Location[] = [];
  for (const t of targets) {
    const doc = await docs.get(t.article)!;
    out.push(new vscode.Location(doc.uri, rangeIn(doc, clamp(t, doc))));
  }
  return out;
}

/**
 * The 1-based line of each target, for a list's descriptions: open documents are read as they
 * are, and at most `budget` other articles are opened to find theirs (a quick pick over a large
 * corpus must not read every file); undefined for the rest.
 */
export async function linesOf(targets: readonly Target[], budget = 200): Promise<Array<number | undefined>> {
  const open = new Map(vscode.workspace.textDocuments.map((d) => [d.uri.toString(), d]));
  const docs = new Map<string, Promise<vscode.TextDocument | undefined>>();
  for (const t of targets) {
    if (docs.has(t.article)) continue;
    const doc = open.get(t.article);
    if (doc) docs.set(t.article, Promise.resolve(doc));
    else if (budget-- > 0) docs.set(t.article, Promise.resolve(vscode.workspace.openTextDocument(vscode.Uri.parse(t.article))).catch(() => undefined));
    else docs.set(t.article, Promise.resolve(undefined));
  }
  const out: Array<number | undefined> = [];
  for (const t of targets) {
    const doc = await docs.get(t.article)!;
    out.push(doc ? doc.positionAt(clamp(t, doc).start).line + 1 : undefined);
  }
  return out;
}

/** " · line 12" for a list's description, or nothing when the line is not known. */
export function lineLabel(line: number | undefined): string {
  return line === undefined ? '' : ` · line ${line}`;
}

function clamp(t: Target, doc: vscode.TextDocument): Span {
  const length = doc.getText().length;
  const start = Math.min(Math.max(0, t.start), length);
  return { start, end: Math.min(Math.max(start, t.end), length) };
}

/** Shows a target's article with its span selected. */
export async function openTarget(t: Target, options: { preview?: boolean; viewColumn?: vscode.ViewColumn } = {}): Promise<vscode.TextEditor> {
  const location = await locationOf(t);
  return vscode.window.showTextDocument(location.uri, { ...options, selection: location.range });
}

/** A tree item's or a notification's command that opens a target. */
export function openTargetCommand(t: Target, title: string): vscode.Command {
  return { command: OPEN_TARGET_COMMAND, title, arguments: [t] };
}

/** The `corpusLens.openTarget` command: what hover links (targetLink) and tree items run. */
export function registerNavigation(log: (message: string) => void): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(OPEN_TARGET_COMMAND, async (arg: unknown) => {
      const t = decodeTarget(arg);
      if (!t) {
        log(`corpusLens.openTarget: not a target: ${JSON.stringify(arg)}`);
        return undefined;
      }
      const editor = await openTarget(t);
      if (!holdsInDocument(t, editor.document)) log(`Opened ${describeTarget(t)} in version ${editor.document.version}${editor.document.isDirty ? ' (unsaved)' : ''}: the article changed since its analysis.`);
      return editor;
    }),
  ];
}

/** A Markdown link to a target, for trusted hovers (enable OPEN_TARGET_COMMAND in isTrusted). */
export function markdownTargetLink(label: string, t: Target): string {
  return `[${label}](${targetLink(t)})`;
}

export { OPEN_TARGET_COMMAND };
