import * as assert from 'assert';
import * as vscode from 'vscode';
import { corpusLens, eventually, seedUri, workspaceRoot } from './helpers';

describe('Annotations in a real VS Code', () => {
  it('an entity the user marks survives an edit above it and a re-analysis, on the same words', async () => {
    const api = await corpusLens();
    const uri = seedUri('004');
    const doc = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(doc);
    const words = 'The new South Korean president';
    const start = doc.getText().indexOf(words);
    await vscode.commands.executeCommand('corpusLens.annotateEntity', { uri: uri.toString(), start, end: start + words.length, type: 'PER', name: 'Moon Jae-in' });
    const moon = () => api.entities().find((e) => e.canonical === 'Moon Jae-in');
    await eventually('the marked words to join Moon Jae-in', async () => {
      await api.entitiesSettled();
      return moon()?.aliases.includes(words);
    });
    // Edit the text above the annotation, save, and analyse everything again.
    await editor.edit((b) => b.insert(new vscode.Position(0, 0), 'Updated: an editor’s note added above.\n\n'));
    await doc.save();
    await vscode.commands.executeCommand('corpusLens.flushAnnotations');
    await vscode.commands.executeCommand('corpusLens.reanalyze');
    await api.entitiesSettled();
    const sidecar = vscode.Uri.joinPath(workspaceRoot(), '.corpus-lens', 'seeds', '004_057a0b69c0c8fa40.txt.json');
    const stored = JSON.parse(Buffer.from(await vscode.workspace.fs.readFile(sidecar)).toString('utf8'));
    const anchor = stored.annotations[0].anchor;
    const text = doc.getText();
    assert.strictEqual(text.slice(anchor.start, anchor.end), words);
    assert.strictEqual(anchor.start, text.indexOf(words));
    assert.ok(moon()?.aliases.includes(words), 'the annotation no longer applies after re-analysis');
  });

  it('the speaker the user sets wins over the automatic one', async () => {
    const api = await corpusLens();
    const uri = seedUri('004');
    const doc = await vscode.workspace.openTextDocument(uri);
    const at = doc.getText().indexOf('We believe South Korea') + 3;
    await vscode.commands.executeCommand('corpusLens.setQuoteSpeaker', { uri: uri.toString(), start: at, end: at, speaker: 'Chinese Foreign Ministry' });
    await eventually('the new speaker', async () => {
      await api.entitiesSettled();
      return api.quotes(uri).find((q) => q.text.startsWith('We believe'))?.speaker === 'Chinese Foreign Ministry';
    });
  });
});
