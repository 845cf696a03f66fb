import * as assert from 'assert';
import * as vscode from 'vscode';
import { corpusLens, eventually, seedUri } from './helpers';

const hoverText = async (doc: vscode.TextDocument, at: vscode.Position) => {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, at);
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
};

describe('Provenance in a real VS Code (#22)', () => {
  it('marks the passages 001 shares with 002, and the hover names 002 (TIME) with a link and an unknown earliest', async () => {
    const api = await corpusLens();
    await api.reuseSettled();
    const doc = await vscode.workspace.openTextDocument(seedUri('001'));
    await vscode.window.showTextDocument(doc);
    const reuse = await eventually('shared passages of 001', () => {
      const r = api.reuse(doc.uri);
      return r && r.passages.length > 0 ? r : null;
    }, 60_000);
    assert.ok(reuse.passages.every((p) => p.other === seedUri('002').toString()), JSON.stringify(reuse.passages));
    assert.match(reuse.shareLabel, /^\d+ % shared, order unknown$/);
    await eventually('reuse marks painted in 001', () => api.reuseDecorationCount(doc.uri) === reuse.passages.length, 30_000);
    // Inside the copied Thaad paragraph, off any name, so the reuse hover is the one that answers.
    const p = reuse.passages[0];
    const at = doc.positionAt(p.start + Math.floor((p.end - p.start) / 2));
    const text = await eventually('a reuse hover on 001', async () => {
      const t = await hoverText(doc, at);
      return /Also in/.test(t) ? t : null;
    }, 30_000);
    // The link opens the twin passage (corpusLens.openTarget with the other article's offsets).
    assert.match(text, /Also in \[002\\_2ef836bb7012053c\]\(command:corpusLens\.openTarget\?[^)]*002_2ef836bb7012053c\.txt[^)]*\) \(TIME\) — (verbatim|edited|rewritten), \d+ % alike; earliest: unknown/);
    assert.match(text, /This article: \d+ % shared, order unknown/);
  });

  it('the setting corpusLens.decorations.reuse turns the marks off, and back on', async () => {
    const api = await corpusLens();
    await api.reuseSettled();
    const doc = await vscode.workspace.openTextDocument(seedUri('001'));
    await vscode.window.showTextDocument(doc);
    const n = api.reuse(doc.uri)!.passages.length;
    const config = () => vscode.workspace.getConfiguration('corpusLens');
    try {
      await config().update('decorations.reuse', false, vscode.ConfigurationTarget.Workspace);
      await eventually('no reuse marks', () => api.reuseDecorationCount(doc.uri) === 0, 20_000);
    } finally {
      await config().update('decorations.reuse', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await eventually('reuse marks back', () => api.reuseDecorationCount(doc.uri) === n, 20_000);
  });

  it('Go to Related in a shared passage offers the twin passage in 002 and goes there', async () => {
    const api = await corpusLens();
    await api.reuseSettled();
    const doc = await vscode.workspace.openTextDocument(seedUri('001'));
    const editor = await vscode.window.showTextDocument(doc);
    const p = api.reuse(doc.uri)!.passages[0];
    // A word that is not a name: "relations" in the copied text, else the passage's middle.
    const word = doc.getText().slice(p.start, p.end).search(/\bthe\b/);
    const at = doc.positionAt(p.start + (word >= 0 ? word : Math.floor((p.end - p.start) / 2)));
    editor.selection = new vscode.Selection(at, at);
    const picked = vscode.commands.executeCommand('corpusLens.goToRelatedMention');
    // The quick pick's first entry is the twin passage: accept it.
    await new Promise((r) => setTimeout(r, 1500));
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    await picked;
    const moved = await eventually('the twin passage in 002 is shown', () => {
      const e = vscode.window.activeTextEditor;
      return e && e.document.uri.toString() === seedUri('002').toString() ? e : null;
    }, 20_000);
    const twin = moved.document.offsetAt(moved.selection.start);
    const twinPassages = api.reuse(seedUri('002'))!.passages;
    assert.ok(twinPassages.some((x) => x.start === twin), `selection at ${twin}, passages at ${twinPassages.map((x) => x.start).join(', ')}`);
  });

  it('Show Provenance on the event of 001 renders its articles with the 001–002 link', async () => {
    const api = await corpusLens();
    await api.eventsSettled();
    const doc = await vscode.workspace.openTextDocument(seedUri('001'));
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('corpusLens.showProvenance', seedUri('001'));
    const panel = await eventually('a rendered Provenance panel', () => api.provenancePanels().find((p) => p.rendered === 'render'), 60_000);
    assert.ok(panel.nodes.includes(seedUri('001').toString()) && panel.nodes.includes(seedUri('002').toString()), panel.nodes.join(', '));
    assert.ok(panel.edges >= 1);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });
});
