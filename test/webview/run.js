// The webview pages in a real headless Chromium, as the panels serve them: the same HTML
// (media/webview.html around media/PAGE/body.html) under its real Content-Security-Policy (no
// inline styles, a nonce for the one script). Compare renders a real comparison of the seeds; the tests check
// the share bars' widths, that the CSP blocked nothing, the table's roles, keyboard use,
// the live region's summary, and that clicks post reveal messages.
const { execFileSync } = require('child_process');
const assert = require('assert');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { launchBrowser, ROOT } = require('../vscode/codeServer');

/**
 * The host side of the panels as the extension runs it, bundled here: every page's HTML
 * (src/extension/webviewPage.ts) under the real CSP, and the view the Compare panel sends for a
 * comparison (src/extension/comparePage.ts).
 */
let host;
function panelsHost() {
  if (host) return host;
  const out = path.join(ROOT, 'test-output', 'webview-host', 'pages.js');
  const contents = "export { webviewPageHtml } from './src/extension/webviewPage';\nexport { compareView } from './src/extension/comparePage';\n";
  require('esbuild').buildSync({ stdin: { contents, resolveDir: ROOT, loader: 'ts', sourcefile: 'pages.ts' }, bundle: true, platform: 'node', format: 'cjs', outfile: out, logLevel: 'warning' });
  return (host = require(out));
}

/**
 * A page as its panel serves it (file: as the webview's resource origin), written to `dir` and
 * opened in a new tab of the browser, its script errors collected; `goto` loads it.
 */
async function openPage(context, dir, name, viewport) {
  const file = path.join(dir, `${name}.html`);
  fs.writeFileSync(file, panelsHost().webviewPageHtml(ROOT, name, { cspSource: 'file:', uri: (rel) => `file://${path.join(ROOT, ...rel.split('/'))}` }, 'T3stN0nce' + Date.now()));
  const page = await context.newPage();
  if (viewport) await page.setViewportSize(viewport);
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  return { page, errors, goto: () => page.goto(`file://${file}`) };
}

/** What every page ends with: no script errors, zero CSP violations, and the CSP in force (an inline style attribute is refused). */
async function cspChecks(check, prefix, page, errors) {
  await check(`${prefix}no script errors and zero CSP violations; the CSP is in force`, async () => {
    assert.deepStrictEqual(errors, []);
    assert.deepStrictEqual(await page.evaluate(() => window.__csp), []);
    await page.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<span style="width:10px">probe</span>'));
    await page.waitForTimeout(100);
    const csp = await page.evaluate(() => window.__csp);
    assert.ok(csp.some((v) => v.startsWith('style-src')), JSON.stringify(csp));
  });
}

/** What the webview host provides before the page runs: acquireVsCodeApi and the theme's variables (set through the CSSOM, as VS Code does). */
function hostScript() {
  window.__posted = [];
  window.__state = null;
  window.__csp = [];
  window.acquireVsCodeApi = () => ({ postMessage: (m) => window.__posted.push(m), setState: (s) => (window.__state = s), getState: () => window.__state });
  document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI || ''} ${e.sample || ''}`.trim()));
  const vars = {
    '--vscode-font-family': 'system-ui', '--vscode-font-size': '13px', '--vscode-foreground': '#ccc', '--vscode-editor-background': '#1e1e1e',
    '--vscode-descriptionForeground': '#9d9d9d', '--vscode-editorWidget-background': '#252526', '--vscode-panel-border': '#444',
    '--vscode-editor-findMatchHighlightBackground': '#ea5c0055', '--vscode-focusBorder': '#007fd4',
  };
  document.addEventListener('DOMContentLoaded', () => Object.entries(vars).forEach(([k, v]) => document.documentElement.style.setProperty(k, v)));
}

async function main() {
  const out = path.join(ROOT, 'test-output', 'screenshots');
  fs.mkdirSync(out, { recursive: true });
  const seeds = fs.readdirSync(path.join(ROOT, 'seeds')).sort().map((f) => path.join(ROOT, 'seeds', f));
  const compare = (files) => JSON.parse(execFileSync(process.execPath, [path.join(ROOT, 'dist', 'cli.js'), 'compare', ...files, '--json'], { encoding: 'utf8' }));
  const report = compare(seeds.slice(0, 3));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-lens-webview-'));
  const context = await launchBrowser({ width: 1500, height: 1000 });
  await context.addInitScript(hostScript);
  const { page, errors, goto } = await openPage(context, dir, 'compare');
  let passed = 0;
  let failed = 0;
  const check = async (name, fn) => {
    try {
      await fn();
      passed++;
      console.log(`  ✓ ${name}`);
    } catch (e) {
      failed++;
      console.log(`  ✗ ${name}\n    ${e.message}`);
    }
  };
  const render = (r, files) => page.evaluate(({ view, files }) => window.postMessage({ type: 'render', view, files, labels: files }, '*'), { view: panelsHost().compareView(r), files });
  try {
    console.log('Compare webview page (headless Chromium, under the panel\'s CSP):');
    await goto();
    await check('announces it is ready', async () => assert.deepStrictEqual(await page.evaluate(() => window.__posted[0]), { type: 'ready' }));
    await render(report, seeds.slice(0, 3));
    await page.waitForSelector('.row');
    await page.waitForTimeout(200);
    await page.screenshot({ path: path.join(out, 'compare-panel-top.png') });
    await check('renders a column per article with titles, outlets and shares', async () => {
      assert.strictEqual(await page.locator('.header .article').count(), 3);
      const header = await page.locator('.header').innerText();
      assert.match(header, /China's Xi says willing to put South Korea ties back on track/);
      assert.match(header, /TIME/);
      assert.match(header, /82% shared/);
    });
    await check('draws each share bar at its article\'s shares', async () => {
      const bars = await page.$$eval('.header .bar', (svgs) =>
        svgs.map((s) => ({ bar: s.getBoundingClientRect().width, shared: s.querySelector('.shared').getBoundingClientRect().width, overlap: s.querySelector('.overlap').getBoundingClientRect().width })),
      );
      assert.strictEqual(bars.length, 3);
      report.articles.forEach((a, i) => {
        const { bar, shared, overlap } = bars[i];
        assert.ok(bar > 100, `bar ${i} is ${bar} px wide`);
        assert.ok(Math.abs(shared - a.sharedFraction * bar) <= 1.5, `bar ${i}: shared ${shared} px of ${bar}, expected ${a.sharedFraction}`);
        assert.ok(Math.abs(overlap - Math.max(0, a.overlapFraction - a.sharedFraction) * bar) <= 1.5, `bar ${i}: overlap ${overlap} px`);
      });
      assert.ok(bars[1].shared > 0.8 * bars[1].bar, 'the 82% article shows a bar four fifths full');
    });
    await check('the page\'s CSP blocks nothing it needs (zero violations)', async () => assert.deepStrictEqual(await page.evaluate(() => window.__csp), []));
    await check('keeps its files in the webview state for a reload', async () => assert.deepStrictEqual(await page.evaluate(() => window.__state), { files: seeds.slice(0, 3) }));
    await check('is a real table: caption, column headers with scope, a row header per row', async () => {
      const table = page.getByRole('table', { name: /Passages side by side/ });
      assert.strictEqual(await table.count(), 1);
      assert.strictEqual(await table.locator('thead th[scope="col"]').count(), 4);
      const rows = await table.locator('tbody tr').count();
      assert.ok(rows > 10, `${rows} rows`);
      assert.strictEqual(await table.locator('tbody tr > th[scope="row"]').count(), rows);
      assert.strictEqual(await table.getByRole('columnheader').count(), 4);
      assert.strictEqual(await table.getByRole('rowheader').count(), rows);
    });
    await check('says each passage\'s kind in text, not only in colour', async () => {
      const kinds = await page.locator('table.passages tbody th.kind').allInnerTexts();
      assert.ok(kinds.includes('identical'), kinds.join(' | '));
      assert.ok(kinds.some((k) => /^only in TIME$/.test(k)), kinds.join(' | '));
      assert.ok(kinds.every((k) => /^(identical|(near-identical|overlapping)( \d+%)?|only in .+)$/.test(k)), kinds.join(' | '));
      const row = page.locator('.row', { has: page.locator('td', { hasText: 'Yang Jiechi' }) }).first();
      assert.match(await row.locator('th').innerText(), /^only in /);
    });
    await check('hovering a passage lights up its twin in the other column', async () => {
      const row = page.locator('.row.identical', { hasText: 'Thaad deployment' }).first();
      await row.locator('.cell').first().hover();
      assert.ok(await row.evaluate((r) => r.classList.contains('lit')));
      const cells = await row.locator('.cell.twin').allInnerTexts();
      assert.ok(cells.some((t) => t.includes('Thaad deployment')) && cells.some((t) => t.includes('THAAD deployment')), cells.join(' | '));
      await page.screenshot({ path: path.join(out, 'compare-panel.png') });
    });
    await check('marks passages only one article has', async () => assert.ok((await page.locator('.cell.unique', { hasText: 'Yang Jiechi' }).count()) >= 1));
    await check('shows the quote and entity matrices as tables with captions and headers', async () => {
      const quotes = await page.locator('table.quotes').innerText();
      assert.match(quotes, /Xi Jinping/);
      assert.match(quotes, /China, too, pays great attention/);
      assert.ok((await page.locator('table.entities tbody tr').count()) > 10);
      // The caption counts the names the report holds (39 on these seeds with today's recogniser).
      assert.strictEqual(await page.locator('table.entities caption').innerText(), `Mentions of each name per article: ${report.entities.length}`);
      assert.ok(report.entities.length > 10);
      assert.strictEqual(await page.locator('table.quotes thead th[scope="col"]').count(), 4);
      assert.ok((await page.locator('table.entities tbody th[scope="row"]').count()) > 10);
    });
    await check('clicking a passage posts a reveal message with its file and offsets', async () => {
      await page.locator('.cell.twin', { hasText: /THAAD deployment/ }).first().click();
      const msg = await page.evaluate(() => window.__posted[window.__posted.length - 1]);
      assert.strictEqual(msg.type, 'reveal');
      assert.strictEqual(msg.file, seeds[2]);
      const text = fs.readFileSync(seeds[2], 'utf8');
      assert.match(text.slice(msg.start, msg.end), /THAAD deployment/);
    });
    await check('one tab stop per row: Tab goes to the next row, arrows move within and between rows', async () => {
      const perRow = await page.$$eval('table.passages tbody tr', (rows) => rows.map((r) => r.querySelectorAll('[tabindex="0"]').length));
      assert.ok(perRow.every((n) => n === 1), `tab stops per row: ${perRow.join(',')}`);
      const twinRow = page.locator('.row.identical', { hasText: 'Thaad deployment' }).first();
      await twinRow.locator('td.cell[tabindex="0"]').focus();
      const where = () => page.evaluate(() => ({ row: document.activeElement.closest('tr').dataset.row, column: document.activeElement.dataset.column }));
      const start = await where();
      await page.keyboard.press('ArrowRight');
      const right = await where();
      assert.strictEqual(right.row, start.row, 'ArrowRight stays in the row');
      assert.notStrictEqual(right.column, start.column, 'ArrowRight moves to the next passage');
      await page.keyboard.press('ArrowLeft');
      assert.deepStrictEqual(await where(), start);
      await page.keyboard.press('ArrowDown');
      const down = await where();
      assert.notStrictEqual(down.row, start.row, 'ArrowDown moves to another row');
      await page.keyboard.press('ArrowUp');
      assert.strictEqual((await where()).row, start.row);
      await page.keyboard.press('Tab');
      const next = await where();
      const order = await page.$$eval('table.passages tbody tr', (rows) => rows.map((r) => r.dataset.row));
      assert.strictEqual(order.indexOf(next.row), order.indexOf(start.row) + 1, 'Tab leaves the row for the next one');
    });
    await check('Enter on a focused passage reveals it', async () => {
      await page.locator('td.cell[tabindex="0"]').first().focus();
      const before = await page.evaluate(() => window.__posted.length);
      await page.keyboard.press('Enter');
      const msg = await page.evaluate(() => window.__posted[window.__posted.length - 1]);
      assert.strictEqual(await page.evaluate(() => window.__posted.length), before + 1);
      assert.strictEqual(msg.type, 'reveal');
    });
    await check('a polite live region announces a short summary, not the whole report', async () => {
      const region = page.locator('[role="status"][aria-live="polite"]');
      assert.strictEqual(await region.count(), 1);
      const text = await region.textContent();
      assert.match(text, /^Compared 3 articles\. Shared: Business Standard 0%, .* 82%, TIME 55%\. \d+ aligned passages, \d+ only in one article\.$/);
      assert.ok(text.length < 300, `${text.length} characters`);
      assert.strictEqual(await page.locator('#root[aria-live]').count(), 0, 'the report itself is not live');
    });
    await check('a matrix cut short says so', async () => {
      const five = compare(seeds);
      await render(five, seeds);
      await page.waitForFunction(() => document.querySelectorAll('.header .article').length === 5);
      assert.match(await page.locator('table.entities caption').innerText(), new RegExp(`showing 40 of ${five.entities.length}`));
      assert.strictEqual(await page.locator('table.entities tbody tr').count(), 40);
    });
    await cspChecks(check, '', page, errors);
    await provenanceChecks(context, dir, out, check);
    await curationChecks(context, dir, out, check);
  } finally {
    await context.close();
  }
  console.log(`webview: ${passed} passed, ${failed} failed`);
  fs.writeFileSync(path.join(ROOT, 'test-output', 'webview-result.json'), JSON.stringify({ passed, failed }));
  process.exitCode = failed ? 1 : 0;
}

/** The engine's timeline of the seeds, built by test/webview/provenanceFixture.ts. */
function provenanceView(dated) {
  const bundle = path.join(ROOT, 'test-output', 'provenanceFixture.js');
  require('esbuild').buildSync({ entryPoints: [path.join(ROOT, 'test', 'webview', 'provenanceFixture.ts')], bundle: true, platform: 'node', outfile: bundle, logLevel: 'warning' });
  return JSON.parse(execFileSync(process.execPath, [bundle, ROOT, dated ? 'dated' : 'undated'], { encoding: 'utf8' }));
}

async function provenanceChecks(context, dir, out, check) {
  console.log('Provenance webview page (headless Chromium, under the panel\'s CSP):');
  const view = provenanceView(true);
  const undated = provenanceView(false);
  const { page, errors, goto } = await openPage(context, dir, 'provenance');
  const state = { event: 'event-1', articles: view.nodes.map((n) => n.id) };
  const render = (v) => page.evaluate(({ view, state }) => window.postMessage({ type: 'render', view, state }, '*'), { view: v, state });
  const node = (id) => view.nodes.findIndex((n) => n.id.includes(id));
  await goto();
  await check('provenance: announces it is ready', async () => assert.deepStrictEqual(await page.evaluate(() => window.__posted[0]), { type: 'ready' }));
  await render(view);
  await page.waitForSelector('.node');
  await check('provenance: one row per outlet, one column per day and the undated last', async () => {
    const labels = await page.$$eval('svg.timeline text.row-label', (t) => t.map((x) => x.textContent));
    assert.deepStrictEqual(labels.length, view.rows.length);
    assert.ok(labels.includes('TIME'), labels.join(' | '));
    const axis = await page.$$eval('svg.timeline text.axis', (t) => t.map((x) => x.textContent));
    assert.deepStrictEqual(axis, view.columns.map((c) => c.label));
    assert.strictEqual(axis[axis.length - 1], 'undated');
    assert.ok(axis.includes('19 May 2017') && axis.includes('20 May 2017'), axis.join(' | '));
    // Dates run left to right: 001 (19 May) before 002 (20 May) before the reprint (21 May); the undated right of all.
    const x = async (i) => Number(await page.locator(`.node[data-index="${i}"] circle`).getAttribute('cx'));
    assert.ok((await x(node('001'))) < (await x(node('002'))) && (await x(node('002'))) < (await x(node('reprint'))));
    assert.ok((await x(node('000'))) > (await x(node('reprint'))), 'undated 000 sits in the last column');
  });
  await check('provenance: an arrow from each source to its copy, thicker for a larger share', async () => {
    const edges = await page.$$eval('path.edge', (p) => p.map((e) => ({ from: +e.dataset.from, to: +e.dataset.to, width: +e.getAttribute('stroke-width'), marker: e.getAttribute('marker-end'), cls: e.getAttribute('class') })));
    assert.strictEqual(edges.length, view.edges.length);
    const e12 = edges.find((e) => e.from === node('001') && e.to === node('002'));
    assert.ok(e12 && e12.marker === 'url(#arrow)', JSON.stringify(edges));
    for (const [i, e] of edges.entries()) assert.ok(Math.abs(e.width - (1.5 + 8 * view.edges[i].share)) < 0.06, `edge ${i} width ${e.width}`);
    const byShare = view.edges.map((e, i) => [e.share, edges[i].width]).sort((a, b) => a[0] - b[0]);
    for (let i = 1; i < byShare.length; i++) assert.ok(byShare[i][1] >= byShare[i - 1][1]);
    // The arrowhead is drawn: the marker's path is in the page and the edge ends at the copy.
    assert.strictEqual(await page.locator('marker#arrow path.arrowhead').count(), 1);
  });
  await check('provenance: the first carrier of a shared quote is marked, and the quotes table names it', async () => {
    assert.ok((await page.locator(`.node[data-index="${node('001')}"] polygon.first-quote`).count()) === 1);
    assert.strictEqual(await page.locator(`.node[data-index="${node('reprint')}"] polygon.first-quote`).count(), 0, 'the last to carry them is first of none');
    const row = page.locator('table.quotes tbody tr', { hasText: 'China, too, pays great attention' });
    assert.match(await row.innerText(), /001_ac19e9e0453ebfbc \(19 May 2017\)/);
  });
  await check('provenance: the copies table says who took how much from whom', async () => {
    const text = await page.locator('table.copies').innerText();
    assert.match(text, /001_ac19e9e0453ebfbc\s+002_2ef836bb7012053c\s+\d+ %/);
    assert.strictEqual(await page.locator('table.copies thead th[scope="col"]').count(), 5);
  });
  await check('provenance: keyboard — one tab stop, arrows move through time and rows, Enter opens', async () => {
    assert.strictEqual(await page.locator('.node[tabindex="0"]').count(), 1);
    await page.locator('.node[tabindex="0"]').focus();
    const at = () => page.evaluate(() => Number(document.activeElement.getAttribute('data-index')));
    const order = view.nodes.map((n, i) => [n.column, n.row, n.slot, i]).sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2]).map((x) => x[3]);
    await page.keyboard.press('Home');
    assert.strictEqual(await at(), order[0]);
    for (let k = 1; k < order.length; k++) {
      await page.keyboard.press('ArrowRight');
      assert.strictEqual(await at(), order[k], `ArrowRight step ${k}`);
    }
    await page.keyboard.press('ArrowLeft');
    assert.strictEqual(await at(), order[order.length - 2]);
    const before = view.nodes[await at()].row;
    await page.keyboard.press('ArrowUp');
    assert.notStrictEqual(view.nodes[await at()].row, before, 'ArrowUp changes row');
    assert.strictEqual(await page.locator('.node[tabindex="0"]').count(), 1, 'still one tab stop');
    const details = await page.locator('#details').innerText();
    assert.ok(details.includes(view.nodes[await at()].summary), details);
    const posted = await page.evaluate(() => window.__posted.length);
    await page.keyboard.press('Enter');
    const msg = await page.evaluate(() => window.__posted[window.__posted.length - 1]);
    assert.strictEqual(await page.evaluate(() => window.__posted.length), posted + 1);
    assert.deepStrictEqual(msg, { type: 'open', id: view.nodes[await at()].id });
  });
  await check('provenance: focusing an article lights its links and reads its provenance', async () => {
    await page.locator(`.node[data-index="${node('002')}"]`).focus();
    const lit = await page.$$eval('path.edge.lit', (p) => p.map((e) => [+e.dataset.from, +e.dataset.to]));
    assert.ok(lit.length >= 2 && lit.every(([f, t]) => f === node('002') || t === node('002')), JSON.stringify(lit));
    assert.match(await page.locator('#details').innerText(), /TIME, 20 May 2017: \d+ % original; copied \d+ % from 001/);
    await page.waitForTimeout(150);
    await page.screenshot({ path: path.join(out, 'provenance.png') });
  });
  await check('provenance: keeps its event in the webview state; a polite live region summarises', async () => {
    assert.deepStrictEqual(await page.evaluate(() => window.__state), state);
    assert.strictEqual(await page.locator('#status').textContent(), view.summary);
  });
  await check('provenance: undated articles go to the undated column, links without arrows', async () => {
    await render(undated);
    await page.waitForFunction((n) => document.querySelectorAll('.node').length === n, undated.nodes.length);
    assert.deepStrictEqual(await page.$$eval('svg.timeline text.axis', (t) => t.map((x) => x.textContent)).then((a) => a[a.length - 1]), 'undated');
    const edges = await page.$$eval('path.edge', (p) => p.map((e) => ({ marker: e.getAttribute('marker-end'), cls: e.getAttribute('class') })));
    assert.ok(edges.length >= 1 && edges.every((e) => e.marker === null && e.cls.includes('undirected')), JSON.stringify(edges));
    assert.match(await page.locator('table.quotes').innerText(), /unknown/);
  });
  await cspChecks(check, 'provenance: ', page, errors);
  await page.close();
}

/** The Curation page (Compare Annotations with…) under the panel's CSP, on views built by test/webview/curationFixture.ts. */
async function curationChecks(context, dir, out, check) {
  console.log('Curation webview page (headless Chromium, under the panel\'s CSP):');
  const bundle = path.join(ROOT, 'test-output', 'curationFixture.js');
  require('esbuild').buildSync({ entryPoints: [path.join(ROOT, 'test', 'webview', 'curationFixture.ts')], bundle: true, platform: 'node', outfile: bundle, logLevel: 'warning' });
  const { before, after, file } = JSON.parse(execFileSync(process.execPath, [bundle, ROOT], { encoding: 'utf8' }));
  const { page, errors, goto } = await openPage(context, dir, 'curation', { width: 1300, height: 900 });
  const state = { article: `file://${file}`, folder: '/data/anna' };
  const render = (v) => page.evaluate(({ view, state }) => window.postMessage({ type: 'render', view, state }, '*'), { view: v, state });
  const last = () => page.evaluate(() => window.__posted[window.__posted.length - 1]);
  await goto();
  await check('curation: announces it is ready', async () => assert.deepStrictEqual(await page.evaluate(() => window.__posted[0]), { type: 'ready' }));
  await render(before);
  await page.waitForSelector('tr.item');
  await check('curation: lists every disagreement with both sides\' labels and whom the curated version follows', async () => {
    const table = page.getByRole('table', { name: /Disagreements: 5/ });
    assert.strictEqual(await table.count(), 1);
    assert.deepStrictEqual(await table.locator('thead th[scope="col"]').allInnerTexts(), ['Words', 'yours', 'anna', 'Curated follows']);
    assert.strictEqual(await table.locator('tbody tr').count(), before.items.length);
    assert.strictEqual(await table.getByRole('rowheader').count(), before.items.length);
    const beijing = table.locator('tbody tr', { has: page.locator('th', { hasText: '“Beijing”' }) });
    assert.match(await beijing.innerText(), /ORG\s+Taken\s+LOC\s+Take\s+yours/);
    const moon = table.locator('tbody tr', { has: page.locator('th', { hasText: 'Moon Jae-In' }) });
    assert.match(await moon.innerText(), /nothing\s+Taken\s+PER\s+Take\s+yours/);
    assert.strictEqual(await page.locator('#summary').innerText(), before.summary);
  });
  await check('curation: both versions side by side, line by line, disagreements outlined and agreed names not', async () => {
    const text = page.getByRole('table', { name: /as each annotator marked it/ });
    assert.strictEqual(await text.locator('tbody tr').count(), before.rows.length);
    const left = await text.locator('tbody tr td:nth-child(1)').allInnerTexts();
    const original = fs.readFileSync(file, 'utf8').split('\n').filter((l) => l.trim());
    // The cells spell the article's lines (with each annotation's label after its words).
    assert.strictEqual(left.length, original.length);
    const moon = page.locator('table.text td:nth-child(2) mark.disagree', { hasText: 'Moon Jae-In' });
    assert.strictEqual(await moon.count(), 1);
    assert.strictEqual(await page.locator('table.text td:nth-child(1) mark', { hasText: 'Moon Jae-In' }).count(), 0, 'ours has no Moon Jae-In');
    const outline = await moon.evaluate((m) => getComputedStyle(m).outlineStyle);
    assert.strictEqual(outline, 'solid');
    const agreed = page.locator('table.text td:nth-child(1) mark', { hasText: 'Xi Jinping' }).first();
    assert.strictEqual(await agreed.evaluate((m) => m.classList.contains('disagree')), false);
    assert.strictEqual(await agreed.evaluate((m) => getComputedStyle(m).outlineStyle), 'none');
  });
  await check('curation: one tab stop in the list; arrows move, 2 takes theirs, 1 ours, Enter reveals', async () => {
    assert.strictEqual(await page.locator('tr.item[tabindex="0"]').count(), 1);
    await page.locator('tr.item[tabindex="0"]').focus();
    const at = () => page.evaluate(() => Number(document.activeElement.dataset.index));
    await page.keyboard.press('Home');
    assert.strictEqual(await at(), 0);
    await page.keyboard.press('ArrowDown');
    assert.strictEqual(await at(), 1);
    assert.strictEqual(await page.locator('tr.item[tabindex="0"]').count(), 1);
    // The focused disagreement lights up in the text.
    const lit = await page.$$eval('mark.disagree.lit', (m) => m.map((x) => x.textContent));
    assert.ok(lit.length >= 1 && lit.every((t) => before.items[1].text.includes(t)), JSON.stringify(lit));
    await page.keyboard.press('2');
    assert.deepStrictEqual(await last(), { type: 'take', key: before.items[1].key, side: 'b' });
    await page.keyboard.press('1');
    assert.deepStrictEqual(await last(), { type: 'take', key: before.items[1].key, side: 'a' });
    await page.keyboard.press('Enter');
    assert.deepStrictEqual(await last(), { type: 'reveal', start: before.items[1].start, end: before.items[1].end });
  });
  await check('curation: the buttons take one side, or all of one side; Undo is off until there is a take', async () => {
    const row = page.locator('tr.item', { has: page.locator('th', { hasText: '“Beijing”' }) });
    await row.locator('td.side-b button').click();
    assert.deepStrictEqual(await last(), { type: 'take', key: before.items.find((i) => i.text === 'Beijing').key, side: 'b' });
    await page.locator('#take-all-b').click();
    assert.deepStrictEqual(await last(), { type: 'takeAll', side: 'b' });
    assert.strictEqual(await page.locator('#take-all-a').isDisabled(), true, 'the curated version already follows ours everywhere');
    assert.strictEqual(await page.locator('#undo').isDisabled(), true);
    const n = await page.evaluate(() => window.__posted.length);
    await page.keyboard.press('Control+z');
    assert.strictEqual(await page.evaluate(() => window.__posted.length), n, 'nothing to undo, nothing posted');
  });
  await check('curation: after a take the list shows it, keeps the keyboard there, and Ctrl+Z asks to undo', async () => {
    await page.locator('tr.item', { has: page.locator('th', { hasText: '“Beijing”' }) }).focus();
    await render(after);
    await page.waitForFunction(() => !document.getElementById('undo').disabled);
    const row = page.locator('tr.item', { has: page.locator('th', { hasText: '“Beijing”' }) });
    assert.match(await row.innerText(), /ORG\s+Take\s+LOC\s+Taken\s+anna/);
    assert.strictEqual(await row.evaluate((r) => r === document.activeElement), true, 'focus stays on the row taken');
    assert.strictEqual(await page.locator('table.text td:nth-child(2) mark.disagree.taken', { hasText: 'Beijing' }).count(), 1);
    assert.strictEqual(await page.locator('#status').textContent(), after.summary);
    assert.match(after.summary, /follows yours on 4, anna on 1/);
    await page.keyboard.press('Control+z');
    assert.deepStrictEqual(await last(), { type: 'undo' });
    await page.waitForTimeout(150);
    await page.screenshot({ path: path.join(out, 'curation.png') });
  });
  await check('curation: keeps its article and folder in the webview state', async () => assert.deepStrictEqual(await page.evaluate(() => window.__state), state));
  await check('curation: an error replaces the view and turns the buttons off', async () => {
    await page.evaluate(() => window.postMessage({ type: 'error', message: '/data/anna has no copy of this article: no article there is named 001.' }, '*'));
    await page.waitForSelector('p.error');
    assert.strictEqual(await page.locator('#take-all-b').isDisabled(), true);
    assert.match(await page.locator('#status').textContent(), /no copy of this article/);
  });
  await cspChecks(check, 'curation: ', page, errors);
  await page.close();
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
