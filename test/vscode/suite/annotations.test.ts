import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { afterSidecarWrite, corpusLens, eventually, seedUri, workspaceRoot } from './helpers';

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

  it('a renamed article keeps its annotations, and so does the article renamed back', async () => {
    const api = await corpusLens();
    const original = seedUri('003');
    const renamed = vscode.Uri.joinPath(workspaceRoot(), 'seeds', '003_renamed_in_test.txt');
    const doc = await vscode.workspace.openTextDocument(original);
    const words = 'economic retaliation';
    const start = doc.getText().indexOf(words);
    await vscode.commands.executeCommand('corpusLens.annotateEntity', { uri: original.toString(), start, end: start + words.length, type: 'MISC', name: 'Economic retaliation over THAAD' });
    await vscode.commands.executeCommand('corpusLens.flushAnnotations');
    const annotated = () => api.entities().some((e) => e.canonical === 'Economic retaliation over THAAD');
    await eventually('the annotation to apply', async () => {
      await api.entitiesSettled();
      return annotated();
    });
    const sidecarOf = (uri: vscode.Uri) => vscode.Uri.joinPath(workspaceRoot(), '.corpus-lens', 'seeds', `${path.basename(uri.fsPath)}.json`);
    const move = async (from: vscode.Uri, to: vscode.Uri) => {
      const edit = new vscode.WorkspaceEdit();
      edit.renameFile(from, to);
      assert.ok(await vscode.workspace.applyEdit(edit), 'the rename was refused');
      await eventually(`the sidecar to follow ${path.basename(to.fsPath)}`, () => fs.existsSync(sidecarOf(to).fsPath) && !fs.existsSync(sidecarOf(from).fsPath));
      await vscode.commands.executeCommand('corpusLens.reanalyze');
      await api.entitiesSettled();
      assert.ok(annotated(), `the annotation was lost with the move to ${path.basename(to.fsPath)}`);
      assert.ok(api.articles().some((a) => a.uri === to.toString()), 'the corpus does not know the new name');
      assert.ok(!api.articles().some((a) => a.uri === from.toString()), 'the corpus still lists the old name');
    };
    try {
      await move(original, renamed);
      const stored = JSON.parse(fs.readFileSync(sidecarOf(renamed).fsPath, 'utf8'));
      assert.strictEqual(stored.annotations.length, 1);
    } finally {
      if (fs.existsSync(renamed.fsPath)) await move(renamed, original);
    }
    // Leave the corpus as the other suites expect it: without this annotation.
    await vscode.workspace.fs.delete(sidecarOf(original));
    await afterSidecarWrite('the annotation to go with its sidecar', async () => {
      await api.entitiesSettled();
      return !annotated();
    });
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
    // Each article carries the event the Events view shows it in: the May visit, and 003's August message apart.
    const meta = Buffer.from(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(out, 'metadata.jsonl'))).toString('utf8').trim().split('\n').map((l) => JSON.parse(l) as { document: string; event_id: string | null });
    const eventOf = (seed: string) => meta.find((m) => m.document.startsWith(seed))?.event_id;
    assert.ok(eventOf('001'), `no event in ${JSON.stringify(meta)}`);
    assert.strictEqual(eventOf('002'), eventOf('001'));
    assert.notStrictEqual(eventOf('003'), eventOf('001'));
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
