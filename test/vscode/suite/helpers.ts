import * as assert from 'assert';
import * as path from 'path';
import * as vscode from 'vscode';
import type { CorpusLensApi } from '../../../src/extension/testApi';

export const EXTENSION_ID = 'corpus-lens.corpus-lens';

export async function corpusLens(): Promise<CorpusLensApi> {
  const ext = vscode.extensions.getExtension<CorpusLensApi>(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is not installed`);
  const api = await ext.activate();
  await api.whenIndexed();
  return api;
}

export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the tests need the seeds workspace open');
  return folder.uri;
}

export function seedUri(prefix: string): vscode.Uri {
  const names = ['000_94812cde6ce96dcc.txt', '001_ac19e9e0453ebfbc.txt', '002_2ef836bb7012053c.txt', '003_4e62b330e5a51c98.txt', '004_057a0b69c0c8fa40.txt'];
  const name = names.find((n) => n.startsWith(prefix));
  assert.ok(name);
  return vscode.Uri.joinPath(workspaceRoot(), 'seeds', name);
}

/** Polls until `check` returns a truthy value, or fails with `what`. */
export async function eventually<T>(what: string, check: () => T | undefined | null | false | Promise<T | undefined | null | false>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await check();
      if (v) return v;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export function relative(uri: vscode.Uri): string {
  return path.relative(workspaceRoot().fsPath, uri.fsPath);
}

/**
 * Waits for the extension to notice a sidecar written to disk. The host's file watcher
 * occasionally drops an event on a loaded machine; these tests check how sidecars are read,
 * so after 5 s without a change they ask for a re-analysis instead of failing on the watcher.
 */
export async function afterSidecarWrite<T>(what: string, check: () => T | undefined | null | false | Promise<T | undefined | null | false>): Promise<T> {
  try {
    return await eventually(what, check, 5_000);
  } catch {
    await vscode.commands.executeCommand('corpusLens.reanalyze');
    return eventually(what, check, 10_000);
  }
}
