/**
 * A folder of plain-text articles becomes a corpus: offered once per workspace folder when
 * nothing matches yet, and on demand with Corpus Lens: Use Folder as Corpus.
 */
import * as vscode from 'vscode';
import type { CorpusService } from './corpusService';
import { textFilesGlob } from './corpusScope';
import { explicitIncludeGlobs } from './settings';

const ANSWERED_KEY = 'corpusLens.firstRun.answered';
const USE = 'Use as Corpus';
const NOT_HERE = 'Not for This Folder';
/** Counting stops here: the offer says "10000+" rather than walking a whole disk. */
const COUNT_LIMIT = 10000;

export interface FirstRun extends vscode.Disposable {
  /** Asks about folders that have text files but no corpus yet; resolves once answered (for tests). */
  offer(): Promise<void>;
}

export function registerFirstRun(memento: vscode.Memento, corpus: CorpusService, exclude: () => string, log: (m: string) => void): FirstRun {
  const useFolder = async (dir: vscode.Uri): Promise<boolean> => {
    const folder = vscode.workspace.getWorkspaceFolder(dir);
    const glob = folder && textFilesGlob(folder, dir);
    if (!folder || !glob) {
      void vscode.window.showWarningMessage('Corpus Lens reads folders of the open workspace only: add this folder to the workspace first.');
      return false;
    }
    const current = explicitIncludeGlobs(folder) ?? [];
    // The whole workspace folder replaces narrower globs; a subfolder joins what is there.
    const next = glob === '**/*.txt' ? [glob] : [...new Set([...current, glob])];
    await vscode.workspace.getConfiguration('corpusLens', folder.uri).update('include', next, vscode.ConfigurationTarget.WorkspaceFolder);
    log(`${folder.name}: corpusLens.include is now ${JSON.stringify(next)}.`);
    await corpus.reindex();
    return true;
  };

  const command = vscode.commands.registerCommand('corpusLens.useFolderAsCorpus', async (target?: vscode.Uri) => {
    const folders = vscode.workspace.workspaceFolders ?? [];
    if (folders.length === 0) {
      const open = await vscode.window.showInformationMessage('Open a folder of plain-text articles first.', 'Open Folder…');
      if (open) await vscode.commands.executeCommand('vscode.openFolder');
      return false;
    }
    let dir = target instanceof vscode.Uri ? target : undefined;
    if (!dir) {
      const picked = await vscode.window.showOpenDialog({
        canSelectFolders: true,
        canSelectFiles: false,
        canSelectMany: false,
        defaultUri: folders[0].uri,
        openLabel: 'Use as Corpus',
        title: 'Corpus Lens: which folder holds the articles?',
      });
      dir = picked?.[0];
    }
    return dir ? useFolder(dir) : false;
  });

  const answered = (folder: vscode.WorkspaceFolder) => (memento.get<string[]>(ANSWERED_KEY) ?? []).includes(folder.uri.toString());
  const remember = (folder: vscode.WorkspaceFolder) => memento.update(ANSWERED_KEY, [...new Set([...(memento.get<string[]>(ANSWERED_KEY) ?? []), folder.uri.toString()])]);

  const offer = async (): Promise<void> => {
    if (corpus.all().length > 0) return;
    const folders = vscode.workspace.workspaceFolders ?? [];
    for (const scope of corpus.currentScopes()) {
      const { folder } = scope;
      if (scope.source !== 'default' || answered(folder)) continue;
      const files = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, '**/*.txt'), new vscode.RelativePattern(folder, exclude()), COUNT_LIMIT);
      if (files.length === 0) continue;
      const count = files.length >= COUNT_LIMIT ? `${COUNT_LIMIT}+` : String(files.length);
      const whose = folders.length === 1 ? "this folder's" : `the folder “${folder.name}”'s`;
      const ask = `Use ${whose} ${count} ${files.length === 1 ? 'text file' : 'text files'} as a corpus?`;
      const answer = await vscode.window.showInformationMessage(ask, USE, NOT_HERE);
      await remember(folder);
      if (answer === USE) await useFolder(folder.uri);
      else log(`${folder.name}: not used as a corpus (${answer ? 'declined' : 'dismissed'}); Corpus Lens: Use Folder as Corpus does it later.`);
    }
  };

  return { offer, dispose: () => command.dispose() };
}
