import * as assert from 'assert';
import * as vscode from 'vscode';
import { afterSidecarWrite, corpusLens, eventually, seedUri, workspaceRoot } from './helpers';

const name = (uri: string) => uri.split('/').pop()!.slice(0, 3);

describe('Events in a real VS Code', () => {
  it('groups the seeds into the May envoy visit and the August anniversary message', async () => {
    const api = await corpusLens();
    await api.eventsSettled();
    const events = api.events();
    console.log(`    events: ${events.map((e) => `${e.label} [${e.articles.map(name).join(',')}]`).join(' | ')}`);
    assert.strictEqual(events.length, 2);
    const may = events.find((e) => e.articles.length === 4);
    const august = events.find((e) => e.articles.length === 1);
    assert.deepStrictEqual(may?.articles.map(name), ['000', '001', '002', '004']);
    assert.deepStrictEqual(august?.articles.map(name), ['003']);
    assert.match(may!.label, /18 May 2017/);
    assert.match(august!.label, /24 Aug 2017/);
  });

  it('keeps an article the user moved where it was moved, across re-analysis, until unpinned', async () => {
    const api = await corpusLens();
    const sidecar = vscode.Uri.joinPath(workspaceRoot(), '.corpus-lens', 'seeds', '004_057a0b69c0c8fa40.txt.json');
    const pin = { format: 'corpus-lens/article@1', file: 'seeds/004_057a0b69c0c8fa40.txt', metadata: {}, event: 'Wang Yi meets Lee Hae-chan', annotations: [] };
    await vscode.workspace.fs.writeFile(sidecar, Buffer.from(JSON.stringify(pin)));
    const moved = () => api.events().find((e) => e.pinned && e.key === 'pinned:Wang Yi meets Lee Hae-chan');
    await afterSidecarWrite('the pinned event', async () => {
      await api.eventsSettled();
      return moved()?.articles.length === 1 && moved()!.articles[0] === seedUri('004').toString();
    });
    await vscode.commands.executeCommand('corpusLens.reanalyze');
    await api.eventsSettled();
    assert.ok(moved(), 'the move did not survive re-analysis');
    // The user's name, and the date beside it as for every event.
    assert.strictEqual(moved()!.label, 'Wang Yi meets Lee Hae-chan — 18 May 2017');
    await vscode.commands.executeCommand('corpusLens.unpinEvent', { kind: 'article', state: { uri: seedUri('004'), status: 'pending' } });
    await eventually('the article back in its automatic event', async () => {
      await api.eventsSettled();
      return !moved() && api.events().some((e) => e.articles.length === 4);
    });
    await vscode.workspace.fs.delete(sidecar);
  });
});
