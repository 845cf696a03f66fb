import * as assert from 'assert';
import * as vscode from 'vscode';
import { corpusLens, eventually } from './helpers';

describe('Compare panel in a real VS Code', () => {
  it('opens from an event of the Events view and renders the comparison', async () => {
    const api = await corpusLens();
    await api.eventsSettled();
    const may = api.events().find((e) => e.articles.length === 4);
    assert.ok(may, 'no four-article event');
    await vscode.commands.executeCommand('corpusLens.compareArticles', { kind: 'event', event: may });
    const panel = await eventually('a rendered Compare panel', () => api.comparePanels().find((p) => p.rendered === 'render' && p.files.length === 4), 20_000);
    const byFile = new Map(panel.files.map((f, i) => [f.split('/').pop()!.slice(0, 3), panel.shared[i]]));
    assert.ok(byFile.get('001')! >= 0.75, `001 shares ${byFile.get('001')}`);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });
});
