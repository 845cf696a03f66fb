/** Opening comparisons: from the palette, the Events view (an event or selected articles) and the explorer. */
import * as path from 'path';
import * as vscode from 'vscode';
import type { AnalysisClient } from './analysisClient';
import type { ComparePanels } from './comparePanel';
import type { CorpusService } from './corpusService';
import type { EventService } from './eventService';
import type { EventsNode } from './eventsView';

export function registerCompareCommands(corpus: CorpusService, events: EventService, panels: ComparePanels, analysis: AnalysisClient): vscode.Disposable[] {
  const title = (uri: vscode.Uri) => corpus.titleOf(uri);
  const open = (uris: readonly vscode.Uri[]) => {
    const articles = uris.filter((u) => corpus.get(u)?.status === 'ok');
    if (articles.length < 2) {
      void vscode.window.showInformationMessage('Choose at least two analysed articles to compare.');
      return undefined;
    }
    return panels.open(articles);
  };
  const fromArgs = (first?: unknown, all?: unknown): vscode.Uri[] => {
    // The view's selection counts only when the row acted on is in it: an article selected earlier
    // (Review… reveals its items) must not stand in for the event whose action was clicked.
    const list = Array.isArray(all) && all.length && (!first || all.includes(first)) ? all : first ? [first] : [];
    return list.flatMap((x: unknown) => {
      if (x instanceof vscode.Uri) return [x];
      const node = x as EventsNode;
      if (node?.kind === 'event') return node.event.articles.map((u) => vscode.Uri.parse(u));
      if (node?.kind === 'article') return [node.state.uri];
      return [];
    });
  };

  return [
    vscode.commands.registerCommand('corpusLens.compareArticles', async (first?: unknown, all?: unknown) => {
      const given = fromArgs(first, all);
      if (given.length >= 2) return open(given);
      const active = vscode.window.activeTextEditor?.document.uri;
      const items = corpus
        .all()
        .filter((s) => s.status === 'ok')
        .map((s) => ({ label: title(s.uri), description: s.status === 'ok' ? [s.article.outlet, s.article.date].filter(Boolean).join(' · ') : '', detail: path.basename(s.uri.fsPath), uri: s.uri, picked: given.some((g) => g.toString() === s.uri.toString()) || s.uri.toString() === active?.toString() }));
      const picked = await vscode.window.showQuickPick(items, { canPickMany: true, title: 'Corpus Lens: Compare Articles', placeHolder: 'Choose two or more articles' });
      return picked ? open(picked.map((p) => p.uri)) : undefined;
    }),
    vscode.commands.registerCommand('corpusLens.compareWithMostSimilar', async (target?: vscode.Uri) => {
      const uri = target instanceof vscode.Uri ? target : vscode.window.activeTextEditor?.document.uri;
      if (!uri || corpus.get(uri)?.status !== 'ok') {
        void vscode.window.showInformationMessage('Open an article of the corpus first.');
        return undefined;
      }
      // Candidates: the article's event first; otherwise the whole corpus (at most 200 articles).
      const event = events.eventOf(uri);
      const pool = (event && event.articles.length > 1 ? event.articles.map((u) => vscode.Uri.parse(u)) : corpus.all().filter((s) => s.status === 'ok').map((s) => s.uri))
        .filter((u) => u.toString() !== uri.toString())
        .slice(0, 200);
      let best: { uri: vscode.Uri; score: number } | null = null;
      await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Corpus Lens: finding the most similar article' }, async () => {
        for (const other of pool) {
          const { report } = await analysis.compare([uri.toString(), other.toString()]);
          const score = report?.articles[0].overlapFraction ?? 0;
          if (!best || score > best.score) best = { uri: other, score };
        }
      });
      const found = best as { uri: vscode.Uri; score: number } | null;
      if (!found || found.score === 0) {
        void vscode.window.showInformationMessage('No other article shares passages with this one.');
        return undefined;
      }
      return open([uri, found.uri]);
    }),
  ];
}
