/** Command-palette and view actions. */
import * as vscode from 'vscode';
import type { ArticleMetadata } from '../core/article';
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
  { key: 'date', label: 'Date', placeholder: 'Publication day as YYYY-MM-DD' },
  { key: 'url', label: 'URL', placeholder: 'https://…' },
];

async function setArticleMetadata(corpus: CorpusService, sidecars: SidecarFiles, target?: ArticleState | vscode.Uri): Promise<void> {
  const uri = target instanceof vscode.Uri ? target : (target?.uri ?? vscode.window.activeTextEditor?.document.uri);
  const state = uri && corpus.get(uri);
  if (!uri || !state) {
    void vscode.window.showInformationMessage('Open an article of the corpus to set its metadata.');
    return;
  }
  const sidecar = await sidecars.read(uri);
  const current = sidecar?.metadata ?? {};
  const inferred = state.status === 'ok' ? state.article : undefined;
  const pick = await vscode.window.showQuickPick(
    FIELDS.map((f) => ({
      label: f.label,
      description: current[f.key] ? `${current[f.key]} (set by you)` : ((inferred?.[f.key] as string | null) ?? 'unknown'),
      field: f,
    })),
    { title: 'Corpus Lens: Set Article Metadata', placeHolder: 'Which value do you want to set?' },
  );
  if (!pick) return;
  const value = await vscode.window.showInputBox({
    title: `${pick.field.label} of ${vscode.workspace.asRelativePath(uri)}`,
    prompt: 'Your value replaces what Corpus Lens inferred. Leave empty to go back to the inferred value.',
    placeHolder: pick.field.placeholder,
    value: current[pick.field.key] ?? (inferred?.[pick.field.key] as string | null) ?? '',
    validateInput: (v) =>
      pick.field.key === 'date' && v.trim() && !/^\d{4}-\d{2}-\d{2}$/.test(v.trim()) ? 'Write the date as YYYY-MM-DD.' : undefined,
  });
  if (value === undefined) return;
  const ok = await sidecars.write(uri, (s) => withMetadata(s, { [pick.field.key]: value.trim() || null }));
  if (ok) await corpus.analyzeUri(uri);
}
