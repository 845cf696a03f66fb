/** Import Annotations… (brat, JSON lines, W3C) and Export Annotations… from the editor. */
import * as path from 'path';
import * as vscode from 'vscode';
import { importBrat, importJsonLine, importW3c, type ImportResult } from '../core/annotations/importFormats';
import { exportFiles, type ExportFormat } from '../core/export/formats';
import type { AnalysisClient } from './analysisClient';
import type { AnnotationStore } from './annotationStore';
import type { CorpusService } from './corpusService';

export function registerImportExport(corpus: CorpusService, store: AnnotationStore, analysis: AnalysisClient): vscode.Disposable[] {
  const diagnostics = vscode.languages.createDiagnosticCollection('corpus-lens-import');
  const articleByName = (name: string) => corpus.all().find((s) => path.basename(s.uri.fsPath).replace(/\.[^.]*$/, '') === name.replace(/\.[^.]*$/, ''))?.uri;
  const textOf = async (uri: vscode.Uri) => (await vscode.workspace.openTextDocument(uri)).getText();

  return [
    diagnostics,
    vscode.commands.registerCommand('corpusLens.importAnnotations', async (file?: vscode.Uri) => {
      const source =
        file ??
        (await vscode.window.showOpenDialog({ canSelectMany: false, title: 'Import annotations', filters: { Annotations: ['ann', 'jsonl', 'jsonld', 'json'] } }))?.[0];
      if (!source) return;
      const content = Buffer.from(await vscode.workspace.fs.readFile(source)).toString('utf8');
      const results: Array<{ uri: vscode.Uri; result: ImportResult }> = [];
      const problems: string[] = [];
      try {
        if (source.path.endsWith('.ann')) {
          const uri = articleByName(path.basename(source.fsPath));
          if (!uri) problems.push(`no article of the corpus is named like ${path.basename(source.fsPath)}`);
          else results.push({ uri, result: importBrat(content, await textOf(uri)) });
        } else if (source.path.endsWith('.jsonl')) {
          for (const [i, line] of content.split(/\r?\n/).entries()) {
            if (!line.trim()) continue;
            const record = JSON.parse(line) as { file?: string; text?: string; label?: unknown };
            const uri = record.file ? articleByName(path.basename(record.file)) : undefined;
            if (!uri) problems.push(`line ${i + 1}: no article of the corpus matches "${record.file ?? '(no file)'}"`);
            else results.push({ uri, result: importJsonLine(record, await textOf(uri)) });
          }
        } else {
          const doc = JSON.parse(content) as { items?: unknown[]; first?: { items?: unknown[] } };
          const items = (doc.first?.items ?? doc.items ?? []) as Array<{ target?: { source?: string } }>;
          const bySource = new Map<string, typeof items>();
          for (const item of items) bySource.set(item.target?.source ?? '', [...(bySource.get(item.target?.source ?? '') ?? []), item]);
          for (const [src, its] of bySource) {
            const uri = articleByName(path.basename(src.replace(/^file:\/\//, '')));
            if (!uri) problems.push(`no article of the corpus matches ${src}`);
            else results.push({ uri, result: importW3c(its as never[], await textOf(uri)) });
          }
        }
      } catch (e) {
        problems.push(`not readable: ${(e as Error).message}`);
      }
      let count = 0;
      for (const { uri, result } of results) {
        store.add(uri, result.annotations);
        count += result.annotations.length;
        problems.push(...result.problems.map((p) => `${path.basename(uri.fsPath)}: ${p}`));
      }
      // Problems stay visible in the Problems panel; the imported file is never changed.
      diagnostics.set(source, problems.map((p) => new vscode.Diagnostic(new vscode.Range(0, 0, 0, 0), p, vscode.DiagnosticSeverity.Warning)));
      void vscode.window.showInformationMessage(`Imported ${count} annotation${count === 1 ? '' : 's'} into ${results.length} article${results.length === 1 ? '' : 's'}${problems.length ? `; ${problems.length} problem${problems.length === 1 ? '' : 's'} in the Problems panel` : ''}.`);
      return count;
    }),
    vscode.commands.registerCommand('corpusLens.exportAnnotations', async (format?: string, folder?: vscode.Uri) => {
      const chosen = format ?? (await vscode.window.showQuickPick(['brat', 'jsonl', 'conll', 'w3c'], { placeHolder: 'Export format' }));
      if (!chosen) return;
      const out = folder ?? (await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, title: 'Export annotations into…' }))?.[0];
      if (!out) return;
      await store.flush();
      const articles = await analysis.exportData();
      // The same files as `corpus-lens export` (brat's .txt with universal newlines, relative paths kept).
      const { files, problems } = exportFiles(chosen as ExportFormat, articles);
      const sources = new Set(articles.map((a) => vscode.Uri.parse(a.file).toString()));
      if (files.some((f) => sources.has(vscode.Uri.joinPath(out, ...f.path.split('/')).toString()))) {
        void vscode.window.showErrorMessage('Not exported: that folder holds the articles themselves; choose a folder outside the corpus.');
        return 0;
      }
      for (const f of files) await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(out, ...f.path.split('/')), Buffer.from(f.content, 'utf8'));
      if (problems.length) diagnostics.set(out, problems.map((p) => new vscode.Diagnostic(new vscode.Range(0, 0, 0, 0), p, vscode.DiagnosticSeverity.Information)));
      void vscode.window.showInformationMessage(`Exported ${articles.length} articles as ${chosen}.`);
      return articles.length;
    }),
  ];
}
