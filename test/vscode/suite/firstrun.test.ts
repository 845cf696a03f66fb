import * as assert from 'assert';
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
