import * as assert from 'assert';
import * as vscode from 'vscode';
import { corpusLens, eventually, seedUri } from './helpers';

describe('Quotes in a real VS Code', () => {
  it('attributes the seed quotes to their speakers and links the same quote across outlets', async () => {
    const api = await corpusLens();
    await api.entitiesSettled();
    const q004 = api.quotes(seedUri('004'));
    const speakerOf = (start: string) => q004.find((q) => q.text.startsWith(start))?.speaker;
    assert.strictEqual(speakerOf('obstacles'), 'Wang Yi');
    assert.strictEqual(speakerOf('We hope the new government'), 'Wang Yi');
    assert.strictEqual(speakerOf('exclusively discuss'), 'Yoon Young');
    const q002 = api.quotes(seedUri('002'));
    assert.strictEqual(q002.find((q) => q.text.startsWith('hopes that South Korea'))?.speaker, 'Yang Jiechi');
    assert.ok((q002.find((q) => q.text.startsWith('China, too'))?.links ?? 0) >= 1);
  });

  it('hovering a seed quote shows the other outlets that carry it, with their wording', async () => {
    const api = await corpusLens();
    const doc = await vscode.workspace.openTextDocument(seedUri('001'));
    await vscode.window.showTextDocument(doc);
    const at = doc.positionAt(doc.getText().indexOf("We're willing to work") + 5);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, at);
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /Xi Jinping/);
    assert.match(text, /TIME\]\(.*002_2ef836bb7012053c\.txt#L\d+\) — same words/);
    await eventually('quote decorations in 001', () => api.quoteDecorationCount(doc.uri) >= 3);
  });
});
