import * as assert from 'assert';
import * as vscode from 'vscode';
import { corpusLens, eventually, seedUri } from './helpers';

async function positionOf(doc: vscode.TextDocument, needle: string, nth = 0): Promise<vscode.Position> {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = doc.getText().indexOf(needle, at + 1);
  assert.ok(at >= 0, `"${needle}" not in ${doc.uri.path}`);
  return doc.positionAt(at + 1);
}

describe('Entities in a real VS Code', () => {
  it('resolves Xi, Mr Xi and Xi Jinping to one person across the corpus', async () => {
    const api = await corpusLens();
    await api.entitiesSettled();
    const xi = api.entities().find((e) => e.canonical === 'Xi Jinping');
    assert.ok(xi, 'no Xi Jinping entity');
    assert.strictEqual(xi.type, 'PER');
    assert.ok(xi.aliases.includes('Xi'), `Xi missing from ${xi.aliases.join(', ')}`);
    // A title is not part of a name (as in CoNLL): the "Xi" of "Mr Xi" is a mention of Xi Jinping.
    const doc = await vscode.workspace.openTextDocument(seedUri('001'));
    await vscode.window.showTextDocument(doc);
    // (The first "Mr Xi" of 001 is in its photo caption, boilerplate; this one is in the body.)
    const at = doc.getText().indexOf('Mr Xi told');
    assert.ok(at >= 0, 'no "Mr Xi told" in seed 001');
    const hovers = await eventually('a hover on the Xi of "Mr Xi"', async () => {
      const h = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, doc.positionAt(at + 'Mr X'.length));
      return h.length ? h : undefined;
    });
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /\*\*Xi Jinping\*\* — person/);
  });

  it('hovering a name shows its canonical name and the other articles that mention it', async () => {
    await corpusLens();
    const doc = await vscode.workspace.openTextDocument(seedUri('004'));
    await vscode.window.showTextDocument(doc);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, await positionOf(doc, 'Lee Hae-chan', 1));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /Lee Hae\\?-chan\*\* — person/);
    assert.match(text, /mentions in [3-9] articles/);
    assert.match(text, /China's Xi says willing to put South Korea ties back on track/);
  });

  it('Find All References lists the mentions in every article; Go to Definition opens the first', async () => {
    await corpusLens();
    const doc = await vscode.workspace.openTextDocument(seedUri('002'));
    const pos = await positionOf(doc, 'THAAD');
    const refs = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', doc.uri, pos);
    const files = new Set(refs.map((r) => r.uri.path.split('/').pop()!.slice(0, 3)));
    assert.ok(refs.length >= 8, `only ${refs.length} references`);
    for (const f of ['000', '001', '002', '003', '004']) assert.ok(files.has(f), `no THAAD reference in ${f}: ${[...files]}`);
    const other = await vscode.workspace.openTextDocument(refs[0].uri);
    assert.match(other.getText(refs[0].range), /^(Thaad|THAAD|Terminal High Altitude Area Defen[cs]e)$/);
    const defs = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeDefinitionProvider', doc.uri, pos);
    assert.strictEqual(defs.length, 1);
    assert.ok(defs[0].uri.path.endsWith('000_94812cde6ce96dcc.txt'), defs[0].uri.path);
  });

  it('finds entities with workspace symbols and colours them in the editor', async () => {
    const api = await corpusLens();
    const symbols = await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', 'Xinhua');
    assert.ok(symbols.some((s) => s.name === 'Xinhua News Agency'), symbols.map((s) => s.name).join(', '));
    const doc = await vscode.workspace.openTextDocument(seedUri('002'));
    await vscode.window.showTextDocument(doc);
    await eventually('entity decorations in 002', () => api.entityDecorationCount(doc.uri) > 40);
  });
});
