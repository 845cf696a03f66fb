/** Corpus Lens: Strip Boilerplate — preview in a diff editor, then one undoable WorkspaceEdit. */
import * as path from 'path';
import * as vscode from 'vscode';
import { rangeIn } from './navigation';
import { applyDeletions, boilerplateDeletions, type Deletion } from '../core/strip';
import { withPaintingHeld } from './articleDecorator';
import type { CorpusService } from './corpusService';
import type { EventService } from './eventService';

const PREVIEW_SCHEME = 'corpus-lens-stripped';

interface Plan {
  readonly uri: vscode.Uri;
  readonly doc: vscode.TextDocument;
  readonly deletions: readonly Deletion[];
}

export function registerStripBoilerplate(corpus: CorpusService, events: EventService): vscode.Disposable[] {
  const previews = new Map<string, string>();
  const provider: vscode.TextDocumentContentProvider = { provideTextDocumentContent: (uri) => previews.get(uri.toString()) ?? '' };

  /** Deletions against the document as it is now; re-analyses first if the analysis is older. */
  const planFor = async (uri: vscode.Uri): Promise<Plan | null> => {
    const doc = await vscode.workspace.openTextDocument(uri);
    let state = corpus.get(uri);
    if (state?.status === 'ok' && state.version !== null && state.version !== doc.version) {
      await corpus.analyzeDocument(doc);
      state = corpus.get(uri);
    } else if (state?.status === 'ok' && state.version === null && doc.isDirty) {
      await corpus.analyzeDocument(doc);
      state = corpus.get(uri);
    }
    if (state?.status !== 'ok' || state.article.boilerplate.length === 0) return null;
    const deletions = boilerplateDeletions(doc.getText(), state.article.boilerplate.map((b) => b.line));
    return deletions.length ? { uri, doc, deletions } : null;
  };

  return [
    vscode.workspace.registerTextDocumentContentProvider(PREVIEW_SCHEME, provider),
    vscode.commands.registerCommand('corpusLens.stripBoilerplate', async (target?: vscode.Uri | { kind?: string; event?: { articles: string[] }; state?: { uri: vscode.Uri } }, options?: { apply?: boolean }) => {
      const active = vscode.window.activeTextEditor?.document.uri;
      let uris: vscode.Uri[] = [];
      if (target instanceof vscode.Uri) uris = [target];
      else if (target?.kind === 'event' && target.event) uris = target.event.articles.map((u) => vscode.Uri.parse(u));
      else if (target?.kind === 'article' && target.state) uris = [target.state.uri];
      else {
        const eventOfActive = active ? events.eventOf(active) : undefined;
        const choice = await vscode.window.showQuickPick(
          [
            ...(active && corpus.isArticle(active) ? [{ label: 'This article', description: path.basename(active.fsPath), uris: [active] }] : []),
            ...(eventOfActive ? [{ label: "This article's event", description: `${eventOfActive.articles.length} articles`, uris: eventOfActive.articles.map((u) => vscode.Uri.parse(u)) }] : []),
            { label: 'The whole corpus', description: `${corpus.all().length} articles`, uris: corpus.all().map((s) => s.uri) },
          ],
          { title: 'Corpus Lens: Strip Boilerplate', placeHolder: 'Remove boilerplate lines from…' },
        );
        if (!choice) return;
        uris = choice.uris;
      }
      const plans = (await Promise.all(uris.map(planFor))).filter((p): p is Plan => p !== null);
      if (plans.length === 0) {
        void vscode.window.showInformationMessage('No boilerplate to strip.');
        return;
      }
      const lines = plans.reduce((n, p) => n + removedLineCount(p), 0);
      if (!options?.apply) {
        // Preview the first article as a diff (not a preview tab, which would replace the article's own); the edit is applied only when confirmed in a
        // modal dialog, which stays until answered while the diff shows behind it.
        const first = plans[0];
        const preview = vscode.Uri.from({ scheme: PREVIEW_SCHEME, path: first.uri.path, query: String(Date.now()) });
        previews.set(preview.toString(), applyDeletions(first.doc.getText(), first.deletions));
        await vscode.commands.executeCommand('vscode.diff', first.uri, preview, `${path.basename(first.uri.fsPath)} ↔ without boilerplate`, { preview: false });
        const others = plans.length - 1;
        const answer = await vscode.window.showInformationMessage(
          `Strip ${lines} boilerplate line${lines === 1 ? '' : 's'} from ${plans.length} article${plans.length === 1 ? '' : 's'}?`,
          {
            modal: true,
            detail: `The diff shows ${path.basename(first.uri.fsPath)}${others ? ` (and ${others} more article${others === 1 ? '' : 's'} will be stripped the same way)` : ''}. Body text is not changed, and Undo restores the lines.`,
          },
          'Strip',
        );
        await closePreview(preview);
        previews.delete(preview.toString());
        if (answer !== 'Strip') return false;
      }
      const edit = new vscode.WorkspaceEdit();
      for (const p of plans) for (const d of p.deletions) edit.delete(p.uri, rangeIn(p.doc, d), { needsConfirmation: false, label: 'Strip boilerplate' });
      const ok = await withPaintingHeld(() => vscode.workspace.applyEdit(edit));
      if (!ok) void vscode.window.showErrorMessage('Corpus Lens could not strip the boilerplate: the files changed meanwhile. Try again.');
      return ok;
    }),
  ];
}

/** Lines with text that the plan removes (blank lines that go with them are not counted). */
export function removedLineCount(plan: Plan): number {
  const text = plan.doc.getText();
  return plan.deletions.reduce((n, d) => n + text.slice(d.start, d.end).split(/\r?\n|\r/).filter((l) => l.trim() !== '').length, 0);
}

async function closePreview(preview: vscode.Uri): Promise<void> {
  const tabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputTextDiff && t.input.modified.toString() === preview.toString());
  if (tabs.length) await vscode.window.tabGroups.close(tabs);
}
