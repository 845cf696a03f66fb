/**
 * Import Annotations… (brat, JSON lines, W3C) and Export Annotations… from the editor. Both
 * share their code with the CLI's `import` and `export` (src/engine/importAnnotations.ts and
 * src/node/exportFolder.ts), and so their guarantees: imports are re-anchored by their words,
 * unknown labels reported; exports never write over an article, through a link, or into a
 * folder holding other files unless the user says so.
 */
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { newAnnotationId } from '../core/annotations/annotations';
import { EXPORT_FORMAT_DESCRIPTIONS, EXPORT_FORMATS, writeExport, type ExportFormat } from '../node/exportFolder';
import { importFormatOf, planImport, withImported, type CorpusArticle, type ImportFormat } from '../engine/importAnnotations';
import { withReviewed } from '../core/sidecar';
import type { SidecarFiles } from './sidecarFiles';
import type { AnalysisClient } from './analysisClient';
import type { AnnotationStore } from './annotationStore';
import type { CorpusService } from './corpusService';

export function registerImportExport(corpus: CorpusService, store: AnnotationStore, analysis: AnalysisClient, sidecars?: SidecarFiles): vscode.Disposable[] {
  const diagnostics = vscode.languages.createDiagnosticCollection('corpus-lens-import');
  const relOf = (uri: vscode.Uri) => {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    return folder ? path.relative(folder.uri.fsPath, uri.fsPath).split(path.sep).join('/') : path.basename(uri.fsPath);
  };
  const textOf = async (uri: vscode.Uri) => (await vscode.workspace.openTextDocument(uri)).getText();

  return [
    diagnostics,
    vscode.commands.registerCommand('corpusLens.importAnnotations', async (file?: vscode.Uri, markReviewed?: boolean) => {
      const source =
        file ??
        (await vscode.window.showOpenDialog({ canSelectMany: false, canSelectFolders: true, title: 'Import annotations (a brat folder, or an .ann, .jsonl or .jsonld file)', filters: { Annotations: ['ann', 'jsonl', 'jsonld', 'json'] } }))?.[0];
      if (!source) return;
      // The checkbox (asked when the file was chosen here): the imported articles' annotations are complete.
      let reviewed = markReviewed === true;
      if (file === undefined && markReviewed === undefined) {
        const option = { label: 'Mark the imported articles reviewed', description: 'their annotations are complete: they can teach the recogniser', picked: false };
        const picked = await vscode.window.showQuickPick([option], { canPickMany: true, title: `Import ${path.basename(source.fsPath)}`, placeHolder: 'Tick to mark the articles reviewed, then press Enter' });
        if (!picked) return;
        reviewed = picked.length > 0;
      }
      const stat = await vscode.workspace.fs.stat(source);
      const format: ImportFormat = importFormatOf(source.fsPath, (stat.type & vscode.FileType.Directory) !== 0);
      const byRel = new Map<string, vscode.Uri>();
      // Reading and matching can take a while on a big corpus; a cancel before anything is stored changes nothing.
      const plan = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Corpus Lens: importing ${path.basename(source.fsPath)}`, cancellable: true }, async (progress, token) => {
        const articles: CorpusArticle[] = [];
        const all = corpus.all();
        for (const [i, state] of all.entries()) {
          if (token.isCancellationRequested) return undefined;
          const rel = relOf(state.uri);
          byRel.set(rel, state.uri);
          articles.push({ rel, text: await textOf(state.uri) });
          if (i % 50 === 0) progress.report({ message: `reading the corpus (${i + 1}/${all.length})` });
        }
        progress.report({ message: 'finding the annotations in the articles' });
        const planned = await planImport(format, [source.fsPath], articles);
        return token.isCancellationRequested ? undefined : planned;
      });
      if (!plan) {
        void vscode.window.showInformationMessage('Import cancelled; nothing was imported.');
        return 0;
      }
      let count = 0;
      let into = 0;
      for (const [rel, imported] of plan.byArticle) {
        const uri = byRel.get(rel)!;
        let added = 0;
        store.update(uri, (current) => {
          const merged = withImported(current, imported, newAnnotationId);
          added = merged.added;
          return merged.annotations;
        });
        count += added;
        if (added) into++;
      }
      let marked = 0;
      if (reviewed && sidecars) {
        // The annotations first, so a sidecar that says "reviewed" has them.
        await store.flush();
        for (const rel of plan.byArticle.keys()) if (await sidecars.write(byRel.get(rel)!, (s) => withReviewed(s, true))) marked++;
      }
      const problems = [...plan.problems, ...[...plan.unknownLabels].map(([label, n]) => `unknown label "${label}" (${n}×) not imported`)];
      // Problems stay visible in the Problems panel; the imported file is never changed.
      diagnostics.set(source, problems.map((p) => new vscode.Diagnostic(new vscode.Range(0, 0, 0, 0), p, vscode.DiagnosticSeverity.Warning)));
      const summary = `Imported ${count} annotation${count === 1 ? '' : 's'} into ${into} article${into === 1 ? '' : 's'}${marked ? `; ${marked} marked reviewed` : ''}${problems.length ? `; ${problems.length} problem${problems.length === 1 ? '' : 's'} in the Problems panel` : ''}.`;
      if (count === 0 && problems.length) void vscode.window.showWarningMessage(summary);
      else void vscode.window.showInformationMessage(summary);
      return count;
    }),
    vscode.commands.registerCommand('corpusLens.exportAnnotations', async (format?: string, folder?: vscode.Uri, force?: boolean) => {
      const chosen =
        format ??
        (await vscode.window.showQuickPick(
          EXPORT_FORMATS.map((f) => ({ label: f, description: EXPORT_FORMAT_DESCRIPTIONS[f] })),
          { placeHolder: 'Export the corpus’s entities and quotes as…', matchOnDescription: true },
        ))?.label;
      if (!chosen || !(EXPORT_FORMATS as readonly string[]).includes(chosen)) return;
      // Offered outside the corpus: an export inside it would be read back as articles.
      const workspace = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
      const out =
        folder ??
        (await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, canSelectMany: false, openLabel: 'Export Here', title: 'Export annotations into a new or empty folder', defaultUri: vscode.Uri.file(workspace ? path.dirname(workspace) : os.homedir()) }))?.[0];
      if (!out) return;
      const prepared = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Corpus Lens: exporting as ${chosen}`, cancellable: true }, async (progress, token) => {
        progress.report({ message: 'saving your annotations' });
        await store.flush();
        if (token.isCancellationRequested) return undefined;
        progress.report({ message: 'exporting every article' });
        // The engine makes the files, as for `corpus-lens export` (brat's .txt with universal newlines, relative paths kept).
        const made = await analysis.exportFiles(chosen as ExportFormat);
        if (token.isCancellationRequested) return undefined;
        return made;
      });
      // Cancelled before anything touched the folder: nothing is half-written.
      if (!prepared) {
        void vscode.window.showInformationMessage('Export cancelled; nothing was written.');
        return undefined;
      }
      const { articles, files, problems } = prepared;
      const inputs = articles.map((a) => vscode.Uri.parse(a).fsPath);
      let result = await writeExport(out.fsPath, files, { inputs, force: force === true });
      if (!result.ok && folder === undefined && /--force/.test(result.error)) {
        const choice = await vscode.window.showWarningMessage(`${result.error.replace(/, or pass --force.*$/, '').replace(/; pass --force.*$/, '')}.`, { modal: true }, 'Write Into It Anyway');
        if (choice) result = await writeExport(out.fsPath, files, { inputs, force: true });
        else return;
      }
      if (!result.ok) {
        void vscode.window.showErrorMessage(`Nothing more exported: ${result.error.replace(/ pass --force/, ' choose Write Into It Anyway')}`);
        return undefined;
      }
      if (problems.length) diagnostics.set(out, problems.map((p) => new vscode.Diagnostic(new vscode.Range(0, 0, 0, 0), p, vscode.DiagnosticSeverity.Information)));
      void vscode.window.showInformationMessage(`Exported ${articles.length} article${articles.length === 1 ? '' : 's'} as ${chosen} to ${out.fsPath}.`);
      return articles.length;
    }),
  ];
}
