/** Command-palette and view actions. */
import * as vscode from 'vscode';
import type { ArticleMetadata } from '../core/article';
import { dayName } from '../core/dates';
import { readPublicationDay } from '../core/metadataInput';
import { withMetadata } from '../core/sidecar';
import type { ArticleState, CorpusService } from './corpusService';
import type { EventsNode, EventsTreeProvider } from './eventsView';
import type { SidecarFiles } from './sidecarFiles';

export function registerCommands(
  corpus: CorpusService,
  sidecars: SidecarFiles,
  tree: vscode.TreeView<EventsNode>,
  treeProvider: EventsTreeProvider,
  output: vscode.OutputChannel,
): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('corpusLens.reanalyze', () => corpus.reindex()),
    vscode.commands.registerCommand('corpusLens.showOutput', () => output.show(true)),
    vscode.commands.registerCommand('corpusLens.openArticle', (uri: vscode.Uri) => vscode.window.showTextDocument(uri)),
    vscode.commands.registerCommand('corpusLens.revealActiveArticle', async () => {
      const uri = vscode.window.activeTextEditor?.document.uri;
      const node = uri && treeProvider.nodeFor(uri);
      const eventNode = uri && treeProvider.eventNodeFor(uri);
      if (eventNode) await tree.reveal(eventNode, { expand: true });
      if (!node) {
        void vscode.window.showInformationMessage('The active editor is not an article of the corpus.');
        return;
      }
      await tree.reveal(node, { select: true, focus: true });
    }),
    vscode.commands.registerCommand('corpusLens.setArticleMetadata', (target?: EventsNode | vscode.Uri) =>
      setArticleMetadata(corpus, sidecars, target && !(target instanceof vscode.Uri) && target.kind === 'article' ? target.state : (target as vscode.Uri | undefined)),
    ),
  ];
}

const FIELDS: Array<{ key: keyof ArticleMetadata; label: string; placeholder: string }> = [
  { key: 'title', label: 'Title', placeholder: 'The headline as the outlet ran it' },
  { key: 'outlet', label: 'Outlet', placeholder: 'e.g. Reuters, TIME, Press TV' },
  { key: 'date', label: 'Date', placeholder: 'The publication day: 2017-05-19, 19 May 2017, May 19, 2017…' },
  { key: 'url', label: 'URL', placeholder: 'https://…' },
];

/** One run sets as many fields as the user likes: the list comes back after each until Done. */
async function setArticleMetadata(corpus: CorpusService, sidecars: SidecarFiles, target?: ArticleState | vscode.Uri): Promise<void> {
  const uri = target instanceof vscode.Uri ? target : (target?.uri ?? vscode.window.activeTextEditor?.document.uri);
  if (!uri || !corpus.get(uri)) {
    void vscode.window.showInformationMessage('Open an article of the corpus to set its metadata.');
    return;
  }
  const name = vscode.workspace.asRelativePath(uri);
  for (;;) {
    const state = corpus.get(uri);
    const current = (await sidecars.read(uri))?.metadata ?? {};
    const inferred = state?.status === 'ok' ? state.article : undefined;
    const done = { label: '$(check) Done', description: '', field: null };
    const pick = await vscode.window.showQuickPick(
      [
        ...FIELDS.map((f) => ({
          label: f.label,
          description: current[f.key] ? `${current[f.key]} — set by you` : `${(inferred?.[f.key] as string | null) ?? 'unknown'} — found automatically`,
          field: f,
        })),
        done,
      ],
      { title: `Corpus Lens: Set Article Metadata of ${name}`, placeHolder: 'Pick a value to set; pick Done (or press Escape) when finished' },
    );
    if (!pick?.field) return;
    const field = pick.field;
    const value = await vscode.window.showInputBox({
      title: `${field.label} of ${name}`,
      prompt: 'Your value replaces what Corpus Lens found. Leave empty to go back to the value found automatically.',
      placeHolder: field.placeholder,
      value: current[field.key] ?? (inferred?.[field.key] as string | null) ?? '',
      validateInput: (v) => {
        if (field.key !== 'date' || !v.trim()) return undefined;
        const read = readPublicationDay(v);
        if (!read.ok) return read.message;
        // Shown while typing, so the user sees which day will be stored.
        return { message: `Understood as ${read.day} (${dayName(read.day)}).`, severity: vscode.InputBoxValidationSeverity.Info };
      },
    });
    if (value === undefined) continue;
    let stored: string | null = value.trim() || null;
    if (stored && field.key === 'date') {
      const read = readPublicationDay(stored);
      stored = read.ok ? read.day : null;
    }
    const ok = await sidecars.write(uri, (s) => withMetadata(s, { [field.key]: stored }));
    if (!ok) return;
    await corpus.analyzeUri(uri);
  }
}

