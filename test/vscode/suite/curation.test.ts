import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { CurationPanel } from '../../../src/extension/curationPanel';
import { corpusLens, eventually, seedUri, workspaceRoot } from './helpers';

/** brat counts code points. */
const cp = (s: string) => [...s].length;

describe('Compare Annotations with… (curation) in a real VS Code (#23)', () => {
  it('compares the article with a brat copy, takes theirs on one disagreement into the sidecar, and undoes it', async function () {
    this.timeout(120_000);
    await corpusLens();
    const uri = seedUri('002');
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    const text = doc.getText();
    const sidecar = path.join(workspaceRoot().fsPath, '.corpus-lens', 'seeds', `${path.basename(uri.fsPath)}.json`);
    const stored = () => (fs.existsSync(sidecar) ? (JSON.parse(fs.readFileSync(sidecar, 'utf8')).annotations as Array<Record<string, any>>) : []);
    const ours = (words: string) => stored().filter((a) => a.anchor?.exact === words && a.kind === 'entity');

    // Ours: Moon Jae-in as ORG (wrong) and Lee Hae-chan as PER, annotated as a user does.
    const moon = text.indexOf('Moon Jae-in');
    const lee = text.indexOf('Lee Hae-chan');
    const seoul = text.indexOf('Seoul');
    assert.ok(moon > 0 && lee > 0 && seoul > 0);
    await vscode.commands.executeCommand('corpusLens.annotateEntity', { uri: uri.toString(), start: moon, end: moon + 'Moon Jae-in'.length, type: 'ORG', name: null });
    await vscode.commands.executeCommand('corpusLens.annotateEntity', { uri: uri.toString(), start: lee, end: lee + 'Lee Hae-chan'.length, type: 'PER', name: null });
    await vscode.commands.executeCommand('corpusLens.flushAnnotations');
    await eventually('our two annotations in the sidecar', () => ours('Moon Jae-in').length === 1 && ours('Lee Hae-chan').length === 1);
    const before = stored();

    // Theirs, another annotator's brat copy: Moon Jae-in a person, Lee Hae-chan too, and Seoul a place.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'curation-'));
    const name = path.basename(uri.fsPath).replace(/\.txt$/, '');
    fs.writeFileSync(path.join(dir, `${name}.txt`), text);
    const t = (n: number, label: string, start: number, words: string) => `T${n}\t${label} ${cp(text.slice(0, start))} ${cp(text.slice(0, start + words.length))}\t${words}`;
    fs.writeFileSync(path.join(dir, `${name}.ann`), [t(1, 'PERSON', moon, 'Moon Jae-in'), t(2, 'PER', lee, 'Lee Hae-chan'), t(3, 'Location', seoul, 'Seoul')].join('\n') + '\n');

    const panel = (await vscode.commands.executeCommand('corpusLens.compareAnnotations', { uri: uri.toString(), folder: dir })) as CurationPanel;
    assert.ok(panel && typeof panel.receive === 'function', 'the command opens a Curation panel');
    const view = await eventually('the page rendered', () => panel.view(), 30_000);
    assert.strictEqual(view.agreed, 1, 'Lee Hae-chan PER on both sides');
    assert.deepStrictEqual(
      view.items.map((i) => [i.text, i.a, i.b, i.curated]),
      [
        ['Seoul', null, 'LOC', 'a'],
        ['Moon Jae-in', 'ORG', 'PER', 'a'],
      ].sort((x, y) => text.indexOf(x[0] as string) - text.indexOf(y[0] as string)),
    );

    // Take theirs on Moon Jae-in, as the page's button (or the key 2) asks.
    const item = view.items.find((i) => i.text === 'Moon Jae-in')!;
    await panel.receive({ type: 'take', key: item.key, side: 'b' });
    await vscode.commands.executeCommand('corpusLens.flushAnnotations');
    await eventually('Moon Jae-in a person in the sidecar', () => ours('Moon Jae-in').length === 1 && ours('Moon Jae-in')[0].type === 'PER');
    assert.deepStrictEqual(ours('Lee Hae-chan'), before.filter((a) => a.anchor.exact === 'Lee Hae-chan'), 'the other annotation is untouched');
    const taken = await eventually('the page shows the take', () => panel.view()?.items.find((i) => i.text === 'Moon Jae-in')?.curated === 'b' && panel.view());
    assert.strictEqual(taken.canUndo, true);
    assert.match(taken.summary, /follows yours on 1, \S+ on 1, neither on 0/);

    // Undo (the page's Undo button or Ctrl+Z): the sidecar is as it was.
    await panel.receive({ type: 'undo' });
    await vscode.commands.executeCommand('corpusLens.flushAnnotations');
    await eventually('the take undone in the sidecar', () => ours('Moon Jae-in').length === 1 && ours('Moon Jae-in')[0].type === 'ORG');
    // The same records (the sidecar's merge may write them in another order).
    const byId = (list: Array<Record<string, any>>) => [...list].sort((x, y) => String(x.id).localeCompare(String(y.id)));
    assert.deepStrictEqual(byId(stored()), byId(before));
    await eventually('the page shows ours again', () => panel.view()?.items.every((i) => i.curated === 'a') && panel.view()?.canUndo === false);

    // Take all of theirs: Seoul comes in too.
    await panel.receive({ type: 'takeAll', side: 'b' });
    await vscode.commands.executeCommand('corpusLens.flushAnnotations');
    await eventually('all of theirs in the sidecar', () => ours('Seoul')[0]?.type === 'LOC' && ours('Moon Jae-in')[0]?.type === 'PER');
    await panel.receive({ type: 'undo' });
    await vscode.commands.executeCommand('corpusLens.flushAnnotations');
    await eventually('take all undone', () => ours('Seoul').length === 0 && ours('Moon Jae-in')[0]?.type === 'ORG');
    panel.dispose();
  });

  it('says so when the folder has no copy of the article', async () => {
    await corpusLens();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'curation-empty-'));
    fs.writeFileSync(path.join(dir, 'other.txt'), 'Another text.\n');
    fs.writeFileSync(path.join(dir, 'other.ann'), '');
    const panel = (await vscode.commands.executeCommand('corpusLens.compareAnnotations', { uri: seedUri('002').toString(), folder: dir })) as CurationPanel;
    const message = await eventually('an error on the page', () => {
      const m = panel.lastMessage();
      return m?.type === 'error' ? m.message : null;
    }, 30_000);
    assert.match(message, /has no copy of this article: no article there is named 002_2ef836bb7012053c/);
    panel.dispose();
  });
});
