/** Activation: wires the corpus service to its views. Everything else lives in its own module. */
import * as vscode from 'vscode';
import { AnalysisClient } from './analysisClient';
import { registerAnnotationCommands } from './annotationCommands';
import { AnnotationStore } from './annotationStore';
import { BoilerplateDecorations } from './boilerplateDecorations';
import { registerCommands } from './commands';
import { registerCompareCommands } from './compareCommands';
import { ComparePanels } from './comparePanel';
import { CorpusService } from './corpusService';
import { CurationPanels, registerCurationCommand } from './curationPanel';
import { EntityDecorations } from './entityDecorations';
import { registerEntityNavigation } from './entityNavigation';
import { registerNavigation } from './navigation';
import { registerFirstRun } from './firstRun';
import { EntityService } from './entityService';
import { registerEventCommands } from './eventCommands';
import { EventService } from './eventService';
import { EventsTreeProvider } from './eventsView';
import { QuoteDecorations } from './quoteDecorations';
import { registerQuoteNavigation } from './quoteNavigation';
import { ProvenancePanels, registerProvenanceCommand } from './provenancePanel';
import { registerReuseNavigation, ReuseDecorations, ReuseService, twinPassageItems } from './reuseService';
import { readSettings } from './settings';
import { DELAYS, Debounced } from './scheduler';
import { SidecarFiles } from './sidecarFiles';
import { registerImportExport } from './importExport';
import { ReviewController } from './review';
import { corpusModel, registerTeaching } from './teach';
import { createStatusBar } from './statusBar';
import { registerStripBoilerplate } from './stripBoilerplate';
import { createTestApi, type CorpusLensApi } from './testApi';

export function activate(context: vscode.ExtensionContext): CorpusLensApi {
  const started = Date.now();
  // A log channel: timestamps, levels and the user's chosen log level come from VS Code.
  const output = vscode.window.createOutputChannel('Corpus Lens', { log: true });
  const log = (message: string) => output.info(message);
  const settings = readSettings();

  // The engine's on-disk cache lives in this workspace's storage: a reopened corpus is not analysed again.
  const cacheDir = context.storageUri ? vscode.Uri.joinPath(context.storageUri, 'analysis-cache').fsPath : undefined;
  const analysis = new AnalysisClient(vscode.Uri.joinPath(context.extensionUri, 'dist').fsPath, log, { cacheDir, workers: settings.workers });
  // The corpus's own entity model (Teach the Recogniser), before anything is analysed.
  analysis.setModel(corpusModel());
  const sidecars = new SidecarFiles(log);
  const annotationStore = new AnnotationStore(sidecars, log);
  shutdownStore = () => annotationStore.shutdown();
  const corpus = new CorpusService(settings, analysis, sidecars, annotationStore, log);
  const entities = new EntityService(corpus, analysis, log);
  const events = new EventService(corpus, entities, analysis, settings.events, log);
  const reuse = new ReuseService(corpus, entities, analysis, log);
  const review = new ReviewController(corpus, entities, events, annotationStore, sidecars, context.workspaceState);
  const treeProvider = new EventsTreeProvider(corpus, entities, events, reuse, { isReviewed: (uri) => sidecars.isReviewed(uri), reviewedAmong: (uris) => review.reviewedAmong(uris), onDidChange: sidecars.onDidChangeReviewed });
  const tree = vscode.window.createTreeView('corpusLens.events', { treeDataProvider: treeProvider, showCollapseAll: true, canSelectMany: true });
  const comparePanels = new ComparePanels(context.extensionUri, corpus, analysis, context.workspaceState);
  const boilerplate = new BoilerplateDecorations(corpus, settings.showBoilerplate);
  const entityDecorations = new EntityDecorations(corpus, entities, settings.entityKinds);
  const quoteDecorations = new QuoteDecorations(corpus, entities, settings.showQuotes, settings.showQuoteSpeakers);
  const reuseDecorations = new ReuseDecorations(corpus, reuse, context.extensionUri, settings.showReuse);
  const provenancePanels = new ProvenancePanels(context.extensionUri, analysis, events, reuse);
  const curationPanels = new CurationPanels(context.extensionUri, annotationStore);
  const firstRun = registerFirstRun(context.workspaceState, corpus, () => readSettings().exclude, log);
  let articlePaths = '';

  const updateContext = () => {
    void vscode.commands.executeCommand('setContext', 'corpusLens.indexed', corpus.indexed);
    void vscode.commands.executeCommand('setContext', 'corpusLens.articleCount', corpus.all().length);
    const active = vscode.window.activeTextEditor?.document.uri;
    void vscode.commands.executeCommand('setContext', 'corpusLens.activeIsArticle', !!active && corpus.isArticle(active));
    // Explorer menus offer article commands on the corpus's files only (not on every .txt).
    const paths = corpus.all().map((a) => a.uri.fsPath);
    if (paths.join('\n') !== articlePaths) {
      articlePaths = paths.join('\n');
      void vscode.commands.executeCommand('setContext', 'corpusLens.articlePaths', paths);
    }
    const filter = treeProvider.filterText;
    tree.message = filter
      ? `Showing events matching "${filter}".`
      : corpus.all().some((a) => a.status === 'error')
        ? 'Some files could not be analysed: hover them for why.'
        : undefined;
  };

  // Each update reads the whole corpus: taken once a burst of changes (indexing) pauses.
  const contextSoon = new Debounced(DELAYS.status, updateContext);
  context.subscriptions.push(
    output,
    firstRun,
    { dispose: () => analysis.dispose() },
    sidecars,
    annotationStore,
    corpus,
    treeProvider,
    tree,
    boilerplate,
    entities,
    events,
    entityDecorations,
    ...registerEventCommands(corpus, events, sidecars, treeProvider),
    ...registerStripBoilerplate(corpus, events),
    ...registerAnnotationCommands(corpus, entities, annotationStore),
    review,
    ...review.commands(),
    ...registerTeaching(vscode.Uri.joinPath(context.extensionUri, 'dist').fsPath, corpus, analysis, log),
    ...registerImportExport(corpus, annotationStore, analysis, sidecars),
    comparePanels,
    ...registerCompareCommands(corpus, events, comparePanels, analysis),
    ...registerNavigation(log),
    ...registerEntityNavigation(corpus, entities, annotationStore, (doc, pos) => twinPassageItems(corpus, reuse, doc, pos)),
    reuse,
    reuseDecorations,
    provenancePanels,
    registerProvenanceCommand(corpus, events, provenancePanels),
    curationPanels,
    registerCurationCommand(corpus, curationPanels),
    ...registerReuseNavigation(corpus, reuse),
    quoteDecorations,
    ...registerQuoteNavigation(corpus, entities),
    createStatusBar(corpus),
    contextSoon,
    corpus.onDidChange(() => contextSoon.schedule()),
    vscode.window.onDidChangeActiveTextEditor(updateContext),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration('corpusLens')) return;
      const next = readSettings();
      corpus.applySettings(next, e.affectsConfiguration('corpusLens.include'));
      boilerplate.setEnabled(next.showBoilerplate);
      entityDecorations.setShown(next.entityKinds);
      quoteDecorations.configure(next.showQuotes, next.showQuoteSpeakers);
      reuseDecorations.setEnabled(next.showReuse);
      events.applySettings(next.events);
      analysis.setWorkers(next.workers);
    }),
    ...registerCommands(corpus, sidecars, tree, treeProvider, output),
  );

  let readyMillis = 0;
  const indexed = corpus
    .reindex()
    .then(() => entities.refreshNow())
    .then(() => events.refreshNow())
    .then(() => reuse.refreshNow())
    .then(() => log(`Ready (indexed, entities, events and shared passages) ${(readyMillis = Date.now() - started)} ms after activation.`))
    .catch((e: Error) => output.error(`Indexing failed: ${e.message}`));
  // Not awaited by whenIndexed: the offer waits for the user's answer.
  void indexed.then(() => firstRun.offer());
  const activationMillis = Date.now() - started;
  log(`Activated in ${activationMillis} ms.`);
  return createTestApi(corpus, boilerplate, entities, entityDecorations, events, quoteDecorations, comparePanels, indexed, { activationMillis, readyMillis: () => readyMillis }, { reuse, decorations: reuseDecorations, panels: provenancePanels }, treeProvider, context.subscriptions);
}

/** Set on activation: deactivation waits for the user's last annotations to be written. */
let shutdownStore: (() => Promise<void>) | undefined;

export async function deactivate(): Promise<void> {
  // Everything else is disposed through context.subscriptions.
  await shutdownStore?.();
}
