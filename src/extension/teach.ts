/**
 * Teach the Recogniser from Reviewed Articles, and Reset to the Built-in Model. Training runs
 * in a worker thread (src/extension/trainWorker.ts → src/node/trainCorpus.ts) with progress and
 * cancel; the model goes to `.corpus-lens/model/` in the corpus, which the analysis then uses
 * (at every start too) until it is reset.
 */
import { existsSync, promises as fs } from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { Worker } from 'worker_threads';
import { CORPUS_MODEL_FOLDER, MODEL_FILE } from '../node/models';
import { defaultBaseData } from '../node/trainCorpus';
import type { AnalysisClient } from './analysisClient';
import type { CorpusService } from './corpusService';

/** The corpus's own model folder, if the first workspace folder has one. */
export function corpusModel(): string | undefined {
  const root = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  if (!root) return undefined;
  const dir = path.join(root, CORPUS_MODEL_FOLDER);
  return existsSync(path.join(dir, MODEL_FILE)) ? dir : undefined;
}

export function registerTeaching(distFolder: string, corpus: CorpusService, analysis: AnalysisClient, log: (m: string) => void): vscode.Disposable[] {
  const useModel = async (dir: string | undefined) => {
    analysis.setModel(dir);
    await vscode.commands.executeCommand('setContext', 'corpusLens.corpusModel', dir !== undefined);
    await corpus.reindex();
  };
  void vscode.commands.executeCommand('setContext', 'corpusLens.corpusModel', corpusModel() !== undefined);
  return [
    vscode.commands.registerCommand('corpusLens.teachRecogniser', async (): Promise<{ ok: boolean; message: string }> => {
      const root = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
      if (!root) return { ok: false, message: 'Open a corpus folder first.' };
      const base = defaultBaseData();
      if (!base) {
        const message = 'Teaching needs the built-in training data (CoNLL-2003 eng.train), which is not shipped with the extension: set CORPUS_LENS_NER_TRAIN to its path, or train with corpus-lens train --base FILE and copy the model to .corpus-lens/model/.';
        void vscode.window.showErrorMessage(message);
        return { ok: false, message };
      }
      const target = path.join(root, CORPUS_MODEL_FOLDER);
      const fresh = `${target}.new`;
      const outcome = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: 'Teaching the recogniser', cancellable: true },
        (progress, token) =>
          new Promise<{ ok: boolean; message: string }>((resolve) => {
            const worker = new Worker(path.join(distFolder, 'trainWorker.js'), { workerData: { from: root, out: fresh, base } });
            let epochs = 0;
            const cancel = token.onCancellationRequested(() => {
              void worker.terminate();
              resolve({ ok: false, message: 'Teaching cancelled; the model in use did not change.' });
            });
            worker.on('message', (m: { type: string; message?: string; result?: { reviewed: number; partial: number; names: number; seconds: number } }) => {
              if (m.type === 'progress') {
                log(`Teach: ${m.message}`);
                // Two stacked taggers, each over the data ~10 times, after two half-size folds.
                if (/^epoch \d+/.test(m.message ?? '')) epochs++;
                progress.report({ message: m.message, increment: /^epoch \d+/.test(m.message ?? '') ? 100 / 40 : 0 });
              } else if (m.type === 'done') {
                cancel.dispose();
                const r = m.result!;
                resolve({ ok: true, message: `Taught from ${r.reviewed} reviewed and ${r.partial} partly annotated article(s) (${r.names} names) in ${Math.round(r.seconds)} s; the corpus now uses its own model.` });
              } else {
                cancel.dispose();
                resolve({ ok: false, message: `Teaching failed: ${m.message}` });
              }
            });
            worker.on('error', (e) => resolve({ ok: false, message: `Teaching failed: ${e.message}` }));
            void epochs;
          }),
      );
      if (!outcome.ok) {
        await fs.rm(fresh, { recursive: true, force: true });
        void vscode.window.showWarningMessage(outcome.message);
        return outcome;
      }
      // The new model replaces the old one whole.
      await fs.rm(target, { recursive: true, force: true });
      await fs.rename(fresh, target);
      await useModel(target);
      log(outcome.message);
      void vscode.window.showInformationMessage(outcome.message, 'Reset to the Built-in Model').then((c) => (c ? vscode.commands.executeCommand('corpusLens.resetModel') : undefined));
      return outcome;
    }),
    vscode.commands.registerCommand('corpusLens.resetModel', async () => {
      const dir = corpusModel();
      if (dir) await fs.rm(dir, { recursive: true, force: true });
      await useModel(undefined);
      void vscode.window.showInformationMessage('The corpus uses the built-in entity model again.');
    }),
  ];
}
