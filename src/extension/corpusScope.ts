/** Which files of a workspace folder are the corpus: the include setting, or what the folder itself says. */
import * as path from 'path';
import * as vscode from 'vscode';
import { DEFAULT_INCLUDE, explicitIncludeGlobs } from './settings';

export type ScopeSource = 'setting' | 'corpus-folder' | 'default';

export interface FolderScope {
  readonly folder: vscode.WorkspaceFolder;
  readonly globs: readonly string[];
  readonly source: ScopeSource;
}

/** Every text file of a folder that already holds Corpus Lens data (a `.corpus-lens/` folder). */
export const CORPUS_FOLDER_GLOBS: readonly string[] = ['**/*.txt'];

export async function hasCorpusFolder(folder: vscode.WorkspaceFolder): Promise<boolean> {
  try {
    const stat = await vscode.workspace.fs.stat(vscode.Uri.joinPath(folder.uri, '.corpus-lens'));
    return (stat.type & vscode.FileType.Directory) !== 0;
  } catch {
    return false;
  }
}

/**
 * The setting wins; without one, the default (a `seeds/` folder) applies, and a folder that
 * already holds Corpus Lens data but no `seeds/` is read whole, without asking again.
 */
export async function scopeOf(folder: vscode.WorkspaceFolder, exclude: string): Promise<FolderScope> {
  const explicit = explicitIncludeGlobs(folder);
  if (explicit) return { folder, globs: explicit, source: 'setting' };
  const fallback: FolderScope = { folder, globs: DEFAULT_INCLUDE, source: 'default' };
  if (!(await hasCorpusFolder(folder))) return fallback;
  const seeds = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, DEFAULT_INCLUDE[0]), new vscode.RelativePattern(folder, exclude), 1);
  return seeds.length ? fallback : { folder, globs: CORPUS_FOLDER_GLOBS, source: 'corpus-folder' };
}

/** The glob, relative to its workspace folder, of every text file under `dir`; null when `dir` is outside it. */
export function textFilesGlob(folder: vscode.WorkspaceFolder, dir: vscode.Uri): string | null {
  if (dir.scheme !== folder.uri.scheme || dir.authority !== folder.uri.authority) return null;
  const rel = path.posix.relative(folder.uri.path, dir.path);
  if (rel.startsWith('..') || path.posix.isAbsolute(rel)) return null;
  return rel === '' ? '**/*.txt' : `${rel.replace(/[[\]{}*?]/g, '?')}/**/*.txt`;
}
