import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { corpusLens, eventually, seedUri, workspaceRoot } from './helpers';

interface ReviewStatus {
  active: boolean;
  index: number;
  total: number;
  current?: { uri: string; start: number; end: number; text: string; label: string; kind: string };
}

const status = async () => (await vscode.commands.executeCommand('corpusLens.review.status')) as ReviewStatus;

/** The command the extension binds to a key while reviewing (package.json), as pressing it runs it. */
function keyCommand(key: string): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', '..', 'package.json'), 'utf8'));
  const bound = (manifest.contributes.keybindings as Array<{ command: string; key: string; when?: string }>).find((k) => k.key === key && (k.when ?? '').includes('corpusLens.reviewing'));
  assert.ok(bound, `no key ${key} while reviewing`);
  return bound.command;
}
const press = (key: string, ...args: unknown[]) => vscode.commands.executeCommand(keyCommand(key), ...args);

describe('Review and teaching in a real VS Code', () => {
  // An article the other suites left with automatic results to review (they annotate some seeds whole).
  let uri = seedUri('001');
  const sidecar = () => path.join(workspaceRoot().fsPath, '.corpus-lens', 'seeds', `${path.basename(uri.fsPath)}.json`);
  const stored = () => (fs.existsSync(sidecar()) ? JSON.parse(fs.readFileSync(sidecar(), 'utf8')) : { annotations: [] });
  const annotationAt = (s: { start: number; end: number }) => (stored().annotations as Array<Record<string, any>>).find((a) => a.anchor?.start === s.start && a.anchor?.end === s.end);

  after(async () => {
    await vscode.commands.executeCommand('corpusLens.review.stop');
  });

  it('walks the queue with the keys: accept, reject, retype, undo; marks the article reviewed', async function () {
    this.timeout(240_000);
    const api = await corpusLens();
    await eventually('entities in the seeds', async () => {
      await api.entitiesSettled();
      return api.entities().length > 5;
    }, 60_000);
    let first: ReviewStatus | undefined;
    for (const prefix of ['001', '000', '004', '003', '002']) {
      uri = seedUri(prefix);
      await vscode.window.showTextDocument(uri);
      await vscode.commands.executeCommand('corpusLens.review', { scope: 'article', uri: uri.toString() });
      first = await status();
      if (first.total > 5) break;
      await vscode.commands.executeCommand('corpusLens.review.stop');
    }
    first = first!;
    assert.ok(first.active && first.total > 5 && first.current, `no queue: ${JSON.stringify(first)}`);
    // The selection is on the item under review.
    const editor = vscode.window.activeTextEditor!;
    assert.strictEqual(editor.document.getText(editor.selection), first.current!.text);

    // A: accept.
    const a = first.current!;
    await press('a');
    await vscode.commands.executeCommand('corpusLens.flushAnnotations');
    await eventually('the accepted decision in the sidecar', () => annotationAt(a)?.decision === 'accepted');
    // R: reject.
    const r = (await status()).current!;
    assert.notDeepStrictEqual([r.start, r.end], [a.start, a.end]);
    await press('r');
    await vscode.commands.executeCommand('corpusLens.flushAnnotations');
    await eventually('the rejection in the sidecar', () => annotationAt(r)?.kind === 'not-entity');
    // T: another type (the type picker answered by the argument).
    let t = (await status()).current!;
    while (t.kind !== 'entity') {
      await press('s');
      t = (await status()).current!;
    }
    const other = t.label === 'ORG' ? 'PER' : 'ORG';
    await press('t', other);
    await vscode.commands.executeCommand('corpusLens.flushAnnotations');
    await eventually('the correction in the sidecar', () => annotationAt(t)?.decision === 'corrected' && annotationAt(t)?.type === other);
    const afterRetype = await status();
    // Ctrl+Z: the correction is taken back and the item is under review again.
    await press('ctrl+z');
    await vscode.commands.executeCommand('corpusLens.flushAnnotations');
    await eventually('the correction undone', () => annotationAt(t) === undefined);
    const back = await status();
    assert.strictEqual(back.index, afterRetype.index - 1);
    assert.deepStrictEqual([back.current!.start, back.current!.end], [t.start, t.end]);
    // The decisions show where the article is.
    await eventually('the accepted name hovered as accepted', async () => {
      await api.entitiesSettled();
      const hovers = (await vscode.commands.executeCommand('vscode.executeHoverProvider', uri, editor.document.positionAt(a.start + 1))) as vscode.Hover[];
      return hovers.some((h) => h.contents.some((c) => (typeof c === 'string' ? c : (c as vscode.MarkdownString).value).includes('accepted by you')));
    }, 30_000);
    // Escape stops; progress is kept: a new queue leaves out what was decided.
    await press('escape');
    assert.strictEqual((await status()).active, false);
    await vscode.commands.executeCommand('corpusLens.review', { scope: 'article', uri: uri.toString() });
    const again = await status();
    assert.strictEqual(again.total, first.total - 2, 'the two decisions kept should leave the queue');
    await press('escape');
    await vscode.commands.executeCommand('corpusLens.markArticleReviewed', { uri: uri.toString(), reviewed: true, acceptRemaining: false });
    await eventually('the article marked reviewed', () => stored().reviewed === true);
  });

  it('Import Annotations… with the reviewed box ticked marks the imported article reviewed', async () => {
    const target = seedUri('003');
    const text = (await vscode.workspace.openTextDocument(target)).getText();
    const words = 'Moon Jae-in';
    const at = text.indexOf(words);
    assert.ok(at >= 0);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'import-reviewed-'));
    const name = path.basename(target.fsPath).replace(/\.txt$/, '');
    fs.writeFileSync(path.join(dir, `${name}.txt`), text);
    fs.writeFileSync(path.join(dir, `${name}.ann`), `T1\tPERSON ${[...text.slice(0, at)].length} ${[...text.slice(0, at + words.length)].length}\t${words}\n`);
    const imported = await vscode.commands.executeCommand<number>('corpusLens.importAnnotations', vscode.Uri.file(path.join(dir, `${name}.ann`)), true);
    assert.strictEqual(imported, 1);
    const sidecar3 = path.join(workspaceRoot().fsPath, '.corpus-lens', 'seeds', `${path.basename(target.fsPath)}.json`);
    await eventually('the imported article marked reviewed', () => fs.existsSync(sidecar3) && JSON.parse(fs.readFileSync(sidecar3, 'utf8')).reviewed === true);
    const back = JSON.parse(fs.readFileSync(sidecar3, 'utf8'));
    assert.ok(back.annotations.some((a: { type?: string; anchor: { exact: string } }) => a.type === 'PER' && a.anchor.exact === words), 'PERSON came in as PER');
  });

  it('teaches the recogniser from the reviewed article, then resets to the built-in model', async function () {
    this.timeout(900_000);
    const api = await corpusLens();
    // A small slice of the built-in training data, so teaching fits the test's time on a busy machine.
    const conll = path.resolve(workspaceRoot().fsPath, '..', 'shared', 'eval', 'ner', 'conll2003-eng.train');
    const candidates = [conll, path.resolve(__dirname, '..', '..', '..', '..', 'shared', 'eval', 'ner', 'conll2003-eng.train')];
    const source = candidates.find((c) => fs.existsSync(c));
    assert.ok(source, `no CoNLL training data at ${candidates.join(' or ')}`);
    const slice = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'teach-')), 'train-slice.conll');
    fs.writeFileSync(slice, fs.readFileSync(source, 'utf8').split('\n').slice(0, 8000).join('\n') + '\n');
    process.env.CORPUS_LENS_NER_TRAIN = slice;
    try {
      const outcome = (await vscode.commands.executeCommand('corpusLens.teachRecogniser')) as { ok: boolean; message: string };
      assert.ok(outcome.ok, outcome.message);
      assert.match(outcome.message, /[12] reviewed/);
    } finally {
      delete process.env.CORPUS_LENS_NER_TRAIN;
    }
    const model = path.join(workspaceRoot().fsPath, '.corpus-lens', 'model');
    assert.ok(fs.existsSync(path.join(model, 'ner.json.gz')));
    // The corpus is analysed again with its own model.
    await eventually('entities with the corpus model', async () => {
      await api.entitiesSettled();
      return api.entities().length > 0;
    }, 120_000);
    await vscode.commands.executeCommand('corpusLens.resetModel');
    assert.ok(!fs.existsSync(model), 'the corpus model is still there');
    await eventually('entities with the built-in model', async () => {
      await api.entitiesSettled();
      return api.entities().length > 0;
    }, 120_000);
  });
});
