import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { corpusLens, eventually, seedUri } from './helpers';

async function hoverAt(doc: vscode.TextDocument, offset: number): Promise<{ text: string; range: string } | undefined> {
  const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, doc.positionAt(offset))) ?? [];
  const ours = hovers.find((h) => h.contents.some((c) => (typeof c === 'string' ? c : c.value).includes('mention')));
  if (!ours) return undefined;
  return { text: ours.contents.map((c) => (typeof c === 'string' ? c : c.value)).join('\n'), range: ours.range ? doc.getText(ours.range) : '' };
}

describe('Everyday use in a real VS Code', () => {
  it('Strip Boilerplate keeps the final line break of an article that had one', async () => {
    const api = await corpusLens();
    const uri = seedUri('000');
    const before = Buffer.from(await vscode.workspace.fs.readFile(uri)).toString('utf8');
    assert.ok(before.endsWith('\n'), 'seed 000 ends with a line break');
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    await eventually('000 analysed', () => api.articles().find((a) => a.uri === uri.toString())?.status === 'ok');
    const applied = await vscode.commands.executeCommand<boolean>('corpusLens.stripBoilerplate', uri, { apply: true });
    assert.strictEqual(applied, true);
    assert.notStrictEqual(doc.getText(), before, 'nothing was stripped');
    assert.ok(doc.getText().endsWith('\n'), `the final line break is gone: …${JSON.stringify(doc.getText().slice(-40))}`);
    assert.ok(!doc.getText().endsWith('\n\n'));
    await vscode.commands.executeCommand('undo');
    await eventually('undo to restore the text', () => doc.getText() === before);
    await doc.save();
  });

  it('Annotate Selection snaps to whole words, and the hover tells your marks from automatic ones', async () => {
    const api = await corpusLens();
    const uri = seedUri('000');
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    const at = doc.getText().indexOf('Hyundai');
    assert.ok(at > 0);
    const auto = await eventually('a hover on Hyundai', () => hoverAt(doc, at + 2));
    assert.match(auto.text, /Found automatically/);
    assert.doesNotMatch(auto.text, /\b1 mentions\b|\b1 articles\b/);

    // A sloppy selection: a space before, the word cut short.
    await vscode.commands.executeCommand('corpusLens.annotateEntity', { uri: uri.toString(), start: at - 1, end: at + 5, type: 'ORG', name: null });
    await api.entitiesSettled();
    const mine = await eventually('the hover to show the user\'s mark', async () => {
      const h = await hoverAt(doc, at + 2);
      return h && /Marked by you/.test(h.text) ? h : undefined;
    });
    assert.strictEqual(mine.range, 'Hyundai', 'the annotation does not cover the whole word, without the space');

    await vscode.commands.executeCommand('corpusLens.removeAnnotation', { uri: uri.toString(), start: at + 2, end: at + 2 });
    await vscode.commands.executeCommand('corpusLens.flushAnnotations');
    await eventually('the hover to go back to automatic', async () => /Found automatically/.test((await hoverAt(doc, at + 2))?.text ?? ''));
  });
});

describe('Choosing the corpus in a real VS Code', () => {
  it('reads corpusLens.include per folder, as a list of globs or the old single string', async () => {
    const api = await corpusLens();
    const folder = vscode.workspace.workspaceFolders![0];
    const config = () => vscode.workspace.getConfiguration('corpusLens', folder.uri);
    const count = () => api.articles().length;
    try {
      await config().update('include', 'seeds/00[0-1]*.txt', vscode.ConfigurationTarget.WorkspaceFolder);
      await eventually('the string glob to pick 2 articles', () => count() === 2);
      await config().update('include', ['seeds/000*.txt', 'seeds/004*.txt'], vscode.ConfigurationTarget.WorkspaceFolder);
      await eventually('the two globs to pick 2 other articles', () => count() === 2 && api.articles().some((a) => a.uri.endsWith('004_057a0b69c0c8fa40.txt')));
    } finally {
      await config().update('include', undefined, vscode.ConfigurationTarget.WorkspaceFolder);
    }
    await eventually('the default to bring back the five seeds', () => count() === 5 && api.articles().every((a) => a.status === 'ok'));
    await api.entitiesSettled();
    await api.eventsSettled();
  });
});

describe('Installing like a published extension', () => {
  it("binds the annotation commands to keys none of VS Code's default shortcuts use", async function () {
    const manifest = vscode.extensions.getExtension('corpus-lens.corpus-lens')!.packageJSON as { contributes: { keybindings: Array<{ command: string; key: string; mac: string; when?: string }> } };
    // The review's one-key commands (A, R, T, S, B, Escape, Ctrl+Z) are modal: bound only while
    // a review runs (the status bar lists them), when they are meant to take those keys.
    const modal = manifest.contributes.keybindings.filter((k) => (k.when ?? '').includes('corpusLens.reviewing'));
    assert.ok(modal.every((k) => k.command.startsWith('corpusLens.review.')), 'only review commands are modal');
    const ours = manifest.contributes.keybindings.filter((k) => !modal.includes(k));
    assert.ok(ours.length >= 4, 'the annotation commands have default keys');
    // The workbench's own list of default shortcuts, as "Open Default Keyboard Shortcuts (JSON)" shows it.
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse('vscode://defaultsettings/keybindings.json'));
    const text = doc.getText();
    if (process.env.CORPUS_LENS_TEST_OUTPUT) fs.writeFileSync(path.join(process.env.CORPUS_LENS_TEST_OUTPUT, 'default-keybindings.json'), text);
    // The list holds every extension's contributed keys too: ours are left out.
    const defaults = [...text.matchAll(/"key":\s*"([^"]+)",\s*"command":\s*"-?([^"]+)"/g)].filter((m) => !m[2].startsWith('corpusLens.')).map((m) => m[1].toLowerCase());
    assert.ok(defaults.length > 300, `only ${defaults.length} default keybindings read`);
    const first = (chord: string) => chord.split(' ')[0];
    for (const k of ours) {
      // A default that starts with our first chord (or is it) would swallow or shadow ours.
      const clash = defaults.filter((d) => first(d) === first(k.key));
      assert.deepStrictEqual(clash, [], `${k.key} (${k.command}) is a VS Code default`);
    }
  });
});
