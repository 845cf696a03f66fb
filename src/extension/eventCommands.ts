/** Correcting the events: rename, move an article, merge, split, unpin; sort and filter the view. */
import * as path from 'path';
import * as vscode from 'vscode';
import type { CorpusEvent } from '../core/events/corpusEvents';
import type { CorpusService } from './corpusService';
import type { EventService } from './eventService';
import { plural, type EventSort, type EventsNode, type EventsTreeProvider } from './eventsView';
import type { SidecarFiles } from './sidecarFiles';

/** An event as a quick pick shows it: with its topic when it shares one ("Earthquakes › California — Oct 2009"). */
function shownLabel(e: CorpusEvent): string {
  return e.topic ? `${e.topic.label} › ${e.label}` : e.label;
}

export function registerEventCommands(corpus: CorpusService, events: EventService, sidecars: SidecarFiles, tree: EventsTreeProvider): vscode.Disposable[] {
  /** Pins articles to an event label in their sidecars; re-clustering then keeps them there. */
  const pin = async (uris: readonly string[], label: string | null): Promise<void> => {
    for (const u of uris) {
      const uri = vscode.Uri.parse(u);
      if (await sidecars.write(uri, (s) => ({ ...s, event: label }))) await corpus.analyzeUri(uri);
    }
    await events.refreshNow();
  };
  const title = (uri: string) => corpus.titleOf(vscode.Uri.parse(uri));
  const pickEvent = async (placeHolder: string, exclude?: CorpusEvent): Promise<CorpusEvent | undefined> => {
    const items = events
      .events()
      .filter((e) => e !== exclude)
      .map((e) => ({ label: shownLabel(e), description: `${e.articles.length} ${plural(e.articles.length, 'article')}`, event: e }));
    return (await vscode.window.showQuickPick(items, { placeHolder, matchOnDescription: true }))?.event;
  };
  const eventFrom = async (node?: EventsNode): Promise<CorpusEvent | undefined> =>
    node?.kind === 'event' ? node.event : pickEvent('Which event?');
  const askName = (value: string, prompt: string) =>
    vscode.window.showInputBox({ value, prompt, validateInput: (v) => (v.trim() ? undefined : 'An event needs a name.') });

  return [
    vscode.commands.registerCommand('corpusLens.renameEvent', async (node?: EventsNode) => {
      const event = await eventFrom(node);
      if (!event) return;
      // The name alone: the dates stay beside it, computed from the articles.
      const name = await askName(event.name, 'New name for this event. Its articles stay grouped under it when the corpus is re-clustered.');
      if (name) await pin(event.articles, name.trim());
    }),
    vscode.commands.registerCommand('corpusLens.moveArticleToEvent', async (node?: EventsNode | vscode.Uri) => {
      const uri = node instanceof vscode.Uri ? node : node?.kind === 'article' ? node.state.uri : vscode.window.activeTextEditor?.document.uri;
      if (!uri || !corpus.isArticle(uri)) {
        void vscode.window.showInformationMessage('Choose an article of the corpus to move.');
        return;
      }
      const from = events.eventOf(uri);
      const NEW = { label: '$(add) New event…', event: undefined as CorpusEvent | undefined };
      const choice = await vscode.window.showQuickPick(
        [NEW, ...events.events().filter((e) => e !== from).map((e) => ({ label: shownLabel(e), description: `${e.articles.length} ${plural(e.articles.length, 'article')}`, event: e as CorpusEvent | undefined }))],
        { placeHolder: `Move "${title(uri.toString())}" to…` },
      );
      if (!choice) return;
      if (!choice.event) {
        const name = await askName(title(uri.toString()), 'Name of the new event');
        if (name) await pin([uri.toString()], name.trim());
        return;
      }
      // The target keeps its name and members: pin them too, so the move survives re-clustering.
      await pin([...choice.event.articles, uri.toString()], choice.event.name);
    }),
    vscode.commands.registerCommand('corpusLens.mergeEvents', async (node?: EventsNode) => {
      const first = await eventFrom(node);
      if (!first) return;
      const second = await pickEvent(`Merge into "${first.name}"…`, first);
      if (second) await pin([...first.articles, ...second.articles], first.name);
    }),
    vscode.commands.registerCommand('corpusLens.splitEvent', async (node?: EventsNode) => {
      const event = await eventFrom(node);
      if (!event || event.articles.length < 2) {
        if (event) void vscode.window.showInformationMessage('An event with one article cannot be split.');
        return;
      }
      const picked = await vscode.window.showQuickPick(
        event.articles.map((u) => ({ label: title(u), description: path.basename(vscode.Uri.parse(u).fsPath), uri: u })),
        { canPickMany: true, placeHolder: 'Articles that report a different event' },
      );
      if (!picked?.length || picked.length === event.articles.length) return;
      const name = await askName(picked[0].label, 'Name of the new event');
      if (!name) return;
      const moved = new Set(picked.map((p) => p.uri));
      await pin(event.articles.filter((u) => !moved.has(u)), event.name);
      await pin([...moved], name.trim());
    }),
    vscode.commands.registerCommand('corpusLens.unpinEvent', async (node?: EventsNode) => {
      const uris = node?.kind === 'event' ? node.event.articles : node?.kind === 'article' ? [node.state.uri.toString()] : [];
      if (uris.length) await pin(uris, null);
    }),
    vscode.commands.registerCommand('corpusLens.sortEvents', async () => {
      const pick = await vscode.window.showQuickPick(
        [
          { label: 'Newest first', sort: 'date' as EventSort },
          { label: 'Most articles first', sort: 'size' as EventSort },
          { label: 'By name', sort: 'label' as EventSort },
        ],
        { placeHolder: 'Sort events' },
      );
      if (pick) tree.setSort(pick.sort);
    }),
    vscode.commands.registerCommand('corpusLens.filterEvents', async () => {
      const text = await vscode.window.showInputBox({ value: tree.filterText, prompt: 'Show events whose name, article titles or outlets contain…' });
      if (text !== undefined) tree.setFilter(text);
    }),
    vscode.commands.registerCommand('corpusLens.clearEventFilter', () => tree.setFilter('')),
  ];
}
