import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
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

describe('Import and export in a real VS Code', () => {
  it('exports brat and imports it back onto the same words', async () => {
    const api = await corpusLens();
    // Outside the workspace, so the corpus's own file watching is not disturbed by the files.
    const out = vscode.Uri.file(fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-lens-export-')));
    const n = await vscode.commands.executeCommand<number>('corpusLens.exportAnnotations', 'brat', out);
    assert.strictEqual(n, 5);
    const ann = Buffer.from(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(out, '002_2ef836bb7012053c.ann'))).toString('utf8');
    assert.match(ann, /\tPER \d+ \d+\tYang Jiechi/);
    const imported = await vscode.commands.executeCommand<number>('corpusLens.importAnnotations', vscode.Uri.joinPath(out, '002_2ef836bb7012053c.ann'));
    assert.ok(imported > 20, `only ${imported} imported`);
    const doc = await vscode.workspace.openTextDocument(seedUri('002'));
    await eventually('imported quotes in the quote layer', async () => {
      await api.entitiesSettled();
      return api.quotes(doc.uri).some((q) => q.text.startsWith('hopes that South Korea') && q.speaker === 'Yang Jiechi');
    });
    fs.rmSync(out.fsPath, { recursive: true, force: true });
    // Leave the corpus as the other suites expect it.
    await vscode.commands.executeCommand('corpusLens.flushAnnotations');
    await vscode.workspace.fs.delete(vscode.Uri.joinPath(workspaceRoot(), '.corpus-lens', 'seeds', '002_2ef836bb7012053c.txt.json'));
    await eventually('the imported annotations to go with their sidecar', async () => {
      await api.entitiesSettled();
      return api.quotes(doc.uri).length > 0 && api.quotes(doc.uri).length < 20;
    });
  });
});
