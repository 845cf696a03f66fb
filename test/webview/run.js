// The Compare page in a real headless Chromium, as the panel serves it: the same
// media/compare/index.html under its real Content-Security-Policy (no inline styles, a
// nonce for the one script). It renders a real comparison of the seeds; the tests check
// the share bars' widths, that the CSP blocked nothing, the table's roles, keyboard use,
// the live region's summary, and that clicks post reveal messages.
const { execFileSync } = require('child_process');
const assert = require('assert');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { launchBrowser, ROOT } = require('../vscode/codeServer');

/** media/compare/index.html filled in as comparePanel.ts does, with file: as the webview's resource origin. */
function pageHtml() {
  const values = {
    nonce: 'T3stN0nce' + Date.now(),
    cspSource: 'file:',
    script: `file://${path.join(ROOT, 'dist', 'media', 'compare', 'main.js')}`,
    style: `file://${path.join(ROOT, 'media', 'compare', 'compare.css')}`,
  };
  return fs.readFileSync(path.join(ROOT, 'media', 'compare', 'index.html'), 'utf8').replace(/\{\{(\w+)\}\}/g, (_, k) => values[k]);
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
  fs.writeFileSync(path.join(dir, 'compare.html'), pageHtml());
  const context = await launchBrowser({ width: 1500, height: 1000 });
  await context.addInitScript(hostScript);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
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
  const render = (r, files) => page.evaluate(({ report, files }) => window.postMessage({ type: 'render', report, files, labels: files }, '*'), { report: r, files });
  try {
    console.log('Compare webview page (headless Chromium, under the panel\'s CSP):');
    await page.goto(`file://${path.join(dir, 'compare.html')}`);
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
      assert.match(await page.locator('table.entities caption').innerText(), /^Mentions of each name per article: 37$/);
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
    await check('raises no script errors and no CSP violations', async () => {
      assert.deepStrictEqual(errors, []);
      assert.deepStrictEqual(await page.evaluate(() => window.__csp), []);
    });
    await check('the CSP is in force: an inline style attribute is refused', async () => {
      await page.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<span style="width:10px">probe</span>'));
      await page.waitForTimeout(100);
      const csp = await page.evaluate(() => window.__csp);
      assert.ok(csp.some((v) => v.startsWith('style-src')), JSON.stringify(csp));
    });
  } finally {
    await context.close();
  }
  console.log(`webview: ${passed} passed, ${failed} failed`);
  fs.writeFileSync(path.join(ROOT, 'test-output', 'webview-result.json'), JSON.stringify({ passed, failed }));
  process.exitCode = failed ? 1 : 0;
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
