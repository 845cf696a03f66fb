import * as assert from 'assert';
import * as vscode from 'vscode';
import { afterSidecarWrite, corpusLens, eventually, EXTENSION_ID, seedUri, workspaceRoot } from './helpers';

describe('Corpus Lens in a real VS Code', () => {
  it('activates on the seeds workspace and indexes the five articles', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext);
    const api = await corpusLens();
    assert.ok(ext.isActive);
    const articles = api.articles();
    assert.strictEqual(articles.length, 5);
    assert.ok(articles.every((a) => a.status === 'ok'), JSON.stringify(articles));
    const a001 = articles.find((a) => a.uri.endsWith('001_ac19e9e0453ebfbc.txt'));
    assert.strictEqual(a001?.title, "China's Xi says willing to put South Korea ties back on track");
    const a003 = articles.find((a) => a.uri.endsWith('003_4e62b330e5a51c98.txt'));
    assert.strictEqual(a003?.date, '2017-08-24');
    console.log(`    activation ${api.activationMillis} ms, indexing ${api.indexMillis()} ms`);
  });

  it('dims the boilerplate of an open article', async () => {
    const api = await corpusLens();
    const doc = await vscode.workspace.openTextDocument(seedUri('004'));
    await vscode.window.showTextDocument(doc);
    const ranges = await eventually('boilerplate decorations', () => {
      const r = api.boilerplateDecorations(doc.uri);
      return r.length > 0 ? r : undefined;
    });
    const texts = ranges.map((r) => doc.getText(r));
    assert.ok(texts.includes('SHARE THIS ARTICLE'), texts.join(' | '));
    assert.ok(!texts.some((t) => t.startsWith('China has asked the new government')), 'body text must not be dimmed');
  });

  it('follows typing after a short pause, and undo restores the analysis', async () => {
    const api = await corpusLens();
    const doc = await vscode.workspace.openTextDocument(seedUri('003'));
    const editor = await vscode.window.showTextDocument(doc);
    const before = api.boilerplateDecorations(doc.uri).length || (await eventually('decorations of 003', () => api.boilerplateDecorations(doc.uri).length));
    const end = doc.lineAt(doc.lineCount - 1).range.end;
    await editor.edit((b) => b.insert(end, '\nMore Must-Reads from TIME'));
    await eventually('the new boilerplate line to be decorated', () => api.boilerplateDecorations(doc.uri).length === before + 1);
    await vscode.commands.executeCommand('undo');
    await eventually('undo to restore the decorations', () => api.boilerplateDecorations(doc.uri).length === before);
    assert.strictEqual(doc.isDirty, false);
  });

  it('uses metadata from the sidecar and reports a corrupt one without touching it', async () => {
    const api = await corpusLens();
    const uri = seedUri('001');
    const sidecar = vscode.Uri.joinPath(workspaceRoot(), '.corpus-lens', 'seeds', '001_ac19e9e0453ebfbc.txt.json');
    const good = JSON.stringify({ format: 'corpus-lens/article@1', file: 'seeds/001_ac19e9e0453ebfbc.txt', metadata: { outlet: 'The Business Times' } });
    await vscode.workspace.fs.writeFile(sidecar, Buffer.from(good));
    await afterSidecarWrite('the sidecar outlet', () => api.articles().find((a) => a.uri === uri.toString())?.outlet === 'The Business Times');

    await vscode.workspace.fs.writeFile(sidecar, Buffer.from('{ "format": '));
    const diagnostics = await afterSidecarWrite('a diagnostic on the corrupt sidecar', () => {
      const d = vscode.languages.getDiagnostics(sidecar);
      return d.length ? d : undefined;
    });
    assert.match(diagnostics[0].message, /could not read this sidecar/);
    assert.strictEqual(Buffer.from(await vscode.workspace.fs.readFile(sidecar)).toString(), '{ "format": ');
    await afterSidecarWrite('the outlet to fall back to unknown', () => api.articles().find((a) => a.uri === uri.toString())?.outlet === null);
    await vscode.workspace.fs.delete(sidecar);
  });

  it('adds new article files, flags unreadable ones and drops deleted ones', async () => {
    const api = await corpusLens();
    const added = vscode.Uri.joinPath(workspaceRoot(), 'seeds', 'zz_new.txt');
    const binary = vscode.Uri.joinPath(workspaceRoot(), 'seeds', 'zz_binary.txt');
    await vscode.workspace.fs.writeFile(added, Buffer.from('Floods close schools\n\nHeavy rain closed schools across the region on Monday, officials said.\n'));
    await vscode.workspace.fs.writeFile(binary, Buffer.from([0x89, 0x50, 0, 0, 1, 2, 3]));
    await eventually('the new article', () => api.articles().find((a) => a.uri === added.toString())?.title === 'Floods close schools');
    await eventually('the binary file flagged', () => api.articles().find((a) => a.uri === binary.toString())?.status === 'error');
    await vscode.workspace.fs.delete(added);
    await vscode.workspace.fs.delete(binary);
    await eventually('the deleted files to leave the corpus', () => api.articles().length === 5);
  });

  it('re-analyzes the corpus from the command palette', async () => {
    const api = await corpusLens();
    await vscode.commands.executeCommand('corpusLens.reanalyze');
    assert.strictEqual(api.articles().filter((a) => a.status === 'ok').length, 5);
  });
});

describe('Strip Boilerplate in a real VS Code', () => {
  it('strips an article in one edit and Undo restores it byte for byte', async () => {
    const api = await corpusLens();
    const uri = seedUri('004');
    const before = Buffer.from(await vscode.workspace.fs.readFile(uri));
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    await eventually('004 analysed', () => api.articles().find((a) => a.uri === uri.toString())?.status === 'ok');
    const applied = await vscode.commands.executeCommand<boolean>('corpusLens.stripBoilerplate', uri, { apply: true });
    assert.strictEqual(applied, true);
    assert.ok(!doc.getText().includes('SHARE THIS ARTICLE'), 'boilerplate still there');
    assert.ok(doc.getText().includes('“We believe South Korea will bring clear measures to improve relations,” Wang told Lee on Thursday.'.replace(/[“”]/g, '"')), 'body text changed');
    await vscode.commands.executeCommand('undo');
    await eventually('undo to restore the text', () => doc.getText() === before.toString('utf8'));
    await doc.save();
    const after = Buffer.from(await vscode.workspace.fs.readFile(uri));
    const firstDiff = [...after].findIndex((b, i) => b !== before[i]);
    assert.ok(after.equals(before), `the file differs from before: ${after.length} bytes, was ${before.length}; first difference at ${firstDiff}: ${JSON.stringify(after.subarray(Math.max(0, firstDiff - 20), firstDiff + 20).toString())}`);
  });

  it('after Strip and after Undo, never paints an analysis of another version of the text', async () => {
    const api = await corpusLens();
    const uri = seedUri('004');
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc, vscode.ViewColumn.One);
    await eventually('004 analysed and its entities painted', async () => {
      await api.entitiesSettled();
      return api.painted('entities', uri)?.version === doc.version && api.painted('boilerplate', uri)?.version === doc.version && api.entityDecorationCount(uri) > 0;
    });
    // What a paint of the text as it is now shows: after Undo the text is this one again.
    const original = doc.getText();
    const texts = (layer: 'boilerplate' | 'entities' | 'quotes') => new Set(api.painted(layer, uri)!.ranges.map((r) => doc.getText(r)));
    const expected = { boilerplate: texts('boilerplate'), entities: texts('entities'), quotes: texts('quotes') };
    assert.ok(expected.boilerplate.has('SHARE THIS ARTICLE') && expected.entities.has('Xi Jinping'), [...expected.boilerplate, ...expected.entities].join(' | '));

    // Every paint on the text as it is now must fit that text: names and quotes are whole words
    // (a result of another version lands mid-word), and after Undo they are the original ones.
    const problems: string[] = [];
    const word = /[\p{L}\p{N}]/u;
    const check = (restored: boolean) => {
      const text = doc.getText();
      for (const layer of ['boilerplate', 'entities', 'quotes'] as const) {
        const p = api.painted(layer, uri);
        if (!p || p.version !== doc.version) continue;
        for (const r of p.ranges) {
          const start = doc.offsetAt(r.start);
          const end = doc.offsetAt(r.end);
          const t = text.slice(start, end);
          const cut = layer !== 'boilerplate' && (t === '' || (word.test(text[start - 1] ?? '') && word.test(t[0])) || (word.test(text[end] ?? '') && word.test(t[t.length - 1])));
          if (cut || (restored && !expected[layer].has(t))) problems.push(`${layer} painted "${t}" at ${r.start.line}:${r.start.character} on version ${p.version} (entity layer of version ${api.entityVersion(uri)}, analysis of ${api.analysisVersion(uri)})`);
        }
      }
    };
    // Editors open and close beside the article meanwhile, as a user's would: each repaints.
    const other = await vscode.workspace.openTextDocument(seedUri('003'));
    const watch = async (ms: number, restored: boolean) => {
      const deadline = Date.now() + ms;
      for (let k = 0; Date.now() < deadline; k++) {
        if (k % 4 === 0) await vscode.window.showTextDocument(k % 8 ? other : doc, { viewColumn: vscode.ViewColumn.Two, preserveFocus: true, preview: true });
        check(restored);
        await new Promise((r) => setTimeout(r, 25));
      }
    };

    assert.strictEqual(await vscode.commands.executeCommand<boolean>('corpusLens.stripBoilerplate', uri, { apply: true }), true);
    const stripped = doc.version;
    await watch(4000, false);
    await eventually('the stripped text analysed and painted', async () => {
      await api.entitiesSettled();
      return api.entityVersion(uri) === stripped && api.painted('entities', uri)?.version === stripped;
    });
    check(false);

    await vscode.commands.executeCommand('undo');
    assert.strictEqual(doc.getText(), original);
    await watch(4000, true);
    await eventually('the restored text painted', async () => {
      await api.entitiesSettled();
      check(true);
      return (['boilerplate', 'entities', 'quotes'] as const).every((l) => api.painted(l, uri)?.version === doc.version) && texts('entities').size === expected.entities.size;
    });
    assert.deepStrictEqual([...texts('boilerplate')].sort(), [...expected.boilerplate].sort());
    assert.deepStrictEqual([...texts('entities')].sort(), [...expected.entities].sort());
    assert.deepStrictEqual(problems.slice(0, 10), [], `${problems.length} paints that do not fit the text`);
    await vscode.commands.executeCommand('workbench.action.closeOtherEditors');
  });
});
