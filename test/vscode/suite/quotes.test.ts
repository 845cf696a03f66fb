import * as assert from 'assert';
import * as vscode from 'vscode';
import { corpusLens, eventually, seedUri } from './helpers';

describe('Quotes in a real VS Code', () => {
  it('attributes the seed quotes to their speakers and links the same quote across outlets', async () => {
    const api = await corpusLens();
    await api.entitiesSettled();
    const q004 = api.quotes(seedUri('004'));
    const speakerOf = (start: string) => q004.find((q) => q.text.startsWith(start))?.speaker;
    assert.strictEqual(speakerOf('obstacles'), 'Wang Yi');
    assert.strictEqual(speakerOf('We hope the new government'), 'Wang Yi');
    assert.strictEqual(speakerOf('exclusively discuss'), 'Yoon Young');
    const q002 = api.quotes(seedUri('002'));
    assert.strictEqual(q002.find((q) => q.text.startsWith('hopes that South Korea'))?.speaker, 'Yang Jiechi');
    assert.ok((q002.find((q) => q.text.startsWith('China, too'))?.links ?? 0) >= 1);
  });

  it('hovering a seed quote shows the other outlets that carry it, with their wording', async () => {
    const api = await corpusLens();
    const doc = await vscode.workspace.openTextDocument(seedUri('001'));
    await vscode.window.showTextDocument(doc);
    const at = doc.positionAt(doc.getText().indexOf("We're willing to work") + 5);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, at);
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /Xi Jinping/);
    // The link opens the other article's quote (corpusLens.openTarget with its offsets).
    assert.match(text, /TIME\]\(command:corpusLens\.openTarget\?[^)]*002_2ef836bb7012053c\.txt[^)]*\) — same words/);
    await eventually('quote decorations in 001', () => api.quoteDecorationCount(doc.uri) >= 3);
  });
});

describe('Quote labels and hovers in a real VS Code (#14)', () => {
  const hoverAt = async (doc: vscode.TextDocument, words: string) => {
    const at = doc.positionAt(doc.getText().indexOf(words) + 3);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, at);
    return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
  };

  it('paints the speaker label after the closing mark, never inside the quotation', async () => {
    const api = await corpusLens();
    const doc = await vscode.workspace.openTextDocument(seedUri('001'));
    await vscode.window.showTextDocument(doc);
    const labels = await eventually('speaker labels in 001', () => (api.quoteSpeakerLabels(doc.uri).length >= 3 ? api.quoteSpeakerLabels(doc.uri) : null));
    const text = doc.getText();
    const china = text.indexOf('China, too, pays great attention to the bilateral ties');
    const label = labels.find((l) => l.offset > china && l.offset < china + 70);
    assert.ok(label, 'no label after “China, too, …”');
    // `…bilateral ties," Mr Xi said`: the label follows `,"`.
    assert.strictEqual(text.slice(label.offset - 2, label.offset), ',"');
    for (const l of labels) assert.match(text.slice(l.offset - 1, l.offset), /["”’'»]/, `a label sits inside a quotation at ${l.offset}: ${text.slice(l.offset - 20, l.offset)}`);
  });

  it('calls only the same statement lightly edited similar, and shows the other wording whole', async () => {
    const api = await corpusLens();
    await api.entitiesSettled();
    // Two different statements of Xi that share "bilateral ties" are not similar.
    const china = await hoverAt(await vscode.workspace.openTextDocument(seedUri('001')), 'China, too, pays great attention');
    assert.doesNotMatch(china, /similar/);
    const doc = await vscode.workspace.openTextDocument(seedUri('000'));
    await vscode.window.showTextDocument(doc);
    const hover = await hoverAt(doc, 'to consolidate the mutual political trust');
    assert.match(hover, /similar \(\d+%\)/);
    assert.doesNotMatch(hover, /~~/, 'the hover interleaves struck words');
    const other = api.quotes(seedUri('001')).find((q) => q.text.startsWith("We're willing to work"))!.text;
    const plain = hover.replace(/\*\*/g, '').replace(/\\(.)/g, '$1');
    assert.ok(plain.includes(`“${other}”`), `the other wording is not shown whole:\n${plain}`);
    assert.match(hover, /\*\*[^*]+\*\*/, 'no changed word is marked');
  });

  it('the hover names the new speaker after Set Quote Speaker, and not the old one', async () => {
    const api = await corpusLens();
    const uri = seedUri('004');
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    const words = 'We hope the new government';
    const start = doc.getText().indexOf(words);
    // The hover's first paragraph, Markdown escapes removed ("Kang Kyung\-wha").
    const header = async () => (await hoverAt(doc, words)).split('\n\n')[0].replace(/\\(.)/g, '$1');
    await eventually('the automatic speaker in the hover', async () => /Wang Yi/.test(await header()));
    await vscode.commands.executeCommand('corpusLens.setQuoteSpeaker', { uri: uri.toString(), start: start + 3, end: start + 3, speaker: 'Kang Kyung-wha' });
    try {
      const renamed = await eventually('the new speaker in the hover', async () => {
        await api.entitiesSettled();
        const h = await header();
        return /Kang Kyung-wha/.test(h) ? h : null;
      });
      assert.doesNotMatch(renamed, /Wang/, `the hover still names the old speaker: ${renamed}`);
      assert.strictEqual(api.quotes(uri).find((q) => q.text.startsWith(words))?.speaker, 'Kang Kyung-wha');
    } finally {
      await vscode.commands.executeCommand('corpusLens.removeAnnotation', { uri: uri.toString(), start: start + 3, end: start + 3 });
      await vscode.commands.executeCommand('corpusLens.flushAnnotations');
      await eventually('the automatic speaker back', async () => {
        await api.entitiesSettled();
        return api.quotes(uri).find((q) => q.text.startsWith(words))?.speaker === 'Wang Yi';
      });
    }
  });
});
