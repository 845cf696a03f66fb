import * as assert from 'assert';
import * as vscode from 'vscode';
import { corpusLens, eventually, seedUri, workspaceRoot } from './helpers';

/**
 * Where the editor's jumps land: the worker sends offsets and the text version, and the editor
 * turns them into positions by the document's own conversion (src/extension/navigation.ts), so
 * a jump lands on the name itself — in an article with CRLF line breaks, and after an edit.
 */

const CRLF = 'zz_crlf_copy.txt';

function hoverText(hovers: readonly vscode.Hover[]): string {
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
}

/** The `corpusLens.openTarget` links of a hover, with their arguments as VS Code passes them. */
function targetLinks(markdown: string): unknown[][] {
  return [...markdown.matchAll(/\(command:corpusLens\.openTarget\?([^)\s]+)\)/g)].map((m) => JSON.parse(decodeURIComponent(m[1])) as unknown[]);
}

/** The entity hover at an offset (a passage's hover may stand beside it: not that one). */
async function entityHoverAt(doc: vscode.TextDocument, offset: number): Promise<string> {
  return eventually(`an entity hover at ${offset} of ${doc.uri.path}`, async () => {
    const h = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, doc.positionAt(offset));
    return h.map((x) => hoverText([x])).find((t) => t.includes('$(references)'));
  });
}

async function referencesAt(doc: vscode.TextDocument, offset: number): Promise<vscode.Location[]> {
  return vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', doc.uri, doc.positionAt(offset));
}

async function textAt(location: vscode.Location): Promise<string> {
  const doc = await vscode.workspace.openTextDocument(location.uri);
  return doc.getText(location.range);
}

/** The ways the corpus writes Lee Hae-chan (the entity layer's aliases). */
async function leeAliases(): Promise<Set<string>> {
  const api = await corpusLens();
  const lee = api.entities().find((e) => e.aliases.includes('Lee Hae-chan'));
  assert.ok(lee, 'no entity Lee Hae-chan');
  return new Set(lee.aliases);
}

async function assertLee(location: vscode.Location, aliases: ReadonlySet<string>): Promise<void> {
  const text = await textAt(location);
  assert.ok(aliases.has(text), `"${text}" at ${location.uri.path.split('/').pop()} ${location.range.start.line}:${location.range.start.character} is not one of ${[...aliases].join(', ')}`);
}

describe('Navigation in a real VS Code', () => {
  const crlfUri = () => vscode.Uri.joinPath(workspaceRoot(), 'seeds', CRLF);

  before(async () => {
    const api = await corpusLens();
    // A copy of seed 004 with CRLF line breaks: every name after the first line sits one
    // character further per line than an LF count would put it.
    const text = Buffer.from(await vscode.workspace.fs.readFile(seedUri('004'))).toString('utf8').replace(/\r?\n/g, '\r\n');
    await vscode.workspace.fs.writeFile(crlfUri(), Buffer.from(text));
    await eventually('the CRLF article analysed', () => api.articles().find((a) => a.uri === crlfUri().toString())?.status === 'ok');
    await eventually('the entity layer of the CRLF article', async () => {
      await api.entitiesSettled();
      return api.entityVersion(crlfUri()) !== undefined;
    });
  });

  after(async () => {
    // Deterministic clean-up: close without saving, delete, and re-index (which drops files that
    // are gone) rather than waiting on the file watcher to report the delete.
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === crlfUri().toString());
    if (open?.isDirty) {
      await vscode.window.showTextDocument(open);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(crlfUri()).then(undefined, () => undefined);
    const api = await corpusLens();
    await vscode.commands.executeCommand('corpusLens.reanalyze');
    assert.ok(!api.articles().some((a) => a.uri === crlfUri().toString()), 'the CRLF article is still in the corpus after a re-index');
    await api.entitiesSettled();
    await api.reuseSettled();
  });

  it('Find All References lands on the name itself in LF and CRLF articles, Go to Definition on the first', async () => {
    const doc = await vscode.workspace.openTextDocument(crlfUri());
    assert.ok(doc.getText().includes('\r\n'), 'the copy has no CRLF');
    const at = doc.getText().indexOf('Lee Hae-chan', doc.getText().indexOf('\n', 200));
    assert.ok(at > 0);
    const refs = await eventually('references to Lee Hae-chan', async () => {
      const r = await referencesAt(doc, at + 2);
      return r.some((l) => l.uri.toString() === crlfUri().toString()) ? r : undefined;
    });
    const inCrlf = refs.filter((l) => l.uri.toString() === crlfUri().toString());
    const inLf = refs.filter((l) => l.uri.toString() === seedUri('004').toString());
    assert.ok(inCrlf.length >= 2, `only ${inCrlf.length} references in the CRLF article`);
    assert.strictEqual(inCrlf.length, inLf.length, 'the CRLF copy and its LF original differ in mentions');
    const aliases = await leeAliases();
    for (const l of refs) await assertLee(l, aliases);
    // The same mentions, one line apart per line break: same lines and characters in both.
    assert.deepStrictEqual(inCrlf.map((l) => [l.range.start.line, l.range.start.character, l.range.end.line, l.range.end.character]), inLf.map((l) => [l.range.start.line, l.range.start.character, l.range.end.line, l.range.end.character]));
    const defs = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeDefinitionProvider', doc.uri, doc.positionAt(at + 2));
    assert.strictEqual(defs.length, 1);
    await assertLee(defs[0], aliases);
  });

  it('a hover link opens the other article with the mention selected (corpusLens.openTarget)', async () => {
    const doc = await vscode.workspace.openTextDocument(seedUri('004'));
    await vscode.window.showTextDocument(doc);
    // (Past the headline and the first paragraph: as the entities suite, a mention in the body.)
    const at = doc.getText().indexOf('Lee Hae-chan', doc.getText().indexOf('Lee Hae-chan') + 1);
    const md = await entityHoverAt(doc, at + 2);
    const links = targetLinks(md);
    assert.ok(links.length >= 2, `no openTarget links in the hover: ${md.slice(0, 400)}`);
    const toCrlf = links.find((args) => (args[0] as { article: string }).article === crlfUri().toString());
    assert.ok(toCrlf, 'no link to the CRLF article');
    const editor = await vscode.commands.executeCommand<vscode.TextEditor>('corpusLens.openTarget', ...toCrlf);
    const active = vscode.window.activeTextEditor;
    assert.ok(active && active.document.uri.toString() === crlfUri().toString(), `the link opened ${active?.document.uri.path}`);
    assert.ok(editor);
    await assertLee(new vscode.Location(active.document.uri, active.selection), await leeAliases());
  });

  it('a reuse hover link lands on the twin passage in the CRLF copy', async () => {
    const api = await corpusLens();
    await api.reuseSettled();
    const reuse = await eventually('passages of 004 shared with the copy', () => api.reuse(seedUri('004'))?.passages.find((p) => p.other === crlfUri().toString()));
    const doc = await vscode.workspace.openTextDocument(seedUri('004'));
    await vscode.window.showTextDocument(doc);
    const md = await eventually('a reuse hover', async () => {
      const h = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, doc.positionAt(reuse.start + 1));
      const text = hoverText(h);
      return text.includes('Also in') ? text : undefined;
    });
    const link = targetLinks(md).find((args) => (args[0] as { article: string }).article === crlfUri().toString());
    assert.ok(link, `no link to the copy in: ${md.slice(0, 400)}`);
    await vscode.commands.executeCommand('corpusLens.openTarget', ...link);
    const active = vscode.window.activeTextEditor!;
    assert.strictEqual(active.document.uri.toString(), crlfUri().toString());
    const selected = active.document.getText(active.selection);
    assert.ok(selected.length > 20, `selected "${selected}"`);
    // A verbatim copy: the twin is the same words, with CRLF for LF.
    assert.ok(doc.getText().replace(/\r?\n/g, '\n').includes(selected.replace(/\r\n/g, '\n')), `the twin "${selected.slice(0, 80)}" is not in 004`);
  });

  it('after an edit above them, references land on the names in the new text', async () => {
    const api = await corpusLens();
    const doc = await vscode.workspace.openTextDocument(crlfUri());
    const editor = await vscode.window.showTextDocument(doc);
    const inserted = 'Updated:\r\nA line added above the story.\r\n';
    await editor.edit((b) => b.insert(new vscode.Position(0, 0), inserted));
    assert.ok(doc.isDirty);
    // Until the edit is analysed the old offsets are not used on the new text.
    await eventually('the entity layer of the edited version', async () => {
      await api.entitiesSettled();
      return api.entityVersion(doc.uri) === doc.version;
    }, 30_000);
    // Every "Lee Hae-chan" below the inserted lines (some may be in a headline or caption, not a mention).
    const text = doc.getText();
    const occurrences: number[] = [];
    for (let at = text.indexOf('Lee Hae-chan', inserted.length); at >= 0; at = text.indexOf('Lee Hae-chan', at + 1)) occurrences.push(at);
    assert.ok(occurrences.length >= 2, 'no Lee Hae-chan in the edited text');
    const refs = await eventually(`references in the edited article (entity layer of version ${api.entityVersion(doc.uri)}, document ${doc.version})`, async () => {
      for (const at of occurrences) {
        const r = (await referencesAt(doc, at + 2)).filter((l) => l.uri.toString() === doc.uri.toString());
        if (r.length >= 2) return r;
      }
      return undefined;
    }, 20_000);
    const aliases = await leeAliases();
    for (const l of refs) {
      await assertLee(l, aliases);
      assert.ok(l.range.start.line >= 2, 'a reference above the inserted lines');
    }
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });
});
