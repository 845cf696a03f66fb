// The Compare page in a real headless Chromium: it renders a real comparison of the seeds,
// hovering a passage lights up its twins, clicking (or Enter) posts a reveal message.
const { execFileSync } = require('child_process');
const assert = require('assert');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { launchBrowser, ROOT } = require('../vscode/codeServer');

async function main() {
  const out = path.join(ROOT, 'test-output', 'screenshots');
  fs.mkdirSync(out, { recursive: true });
  const seeds = fs.readdirSync(path.join(ROOT, 'seeds')).sort().map((f) => path.join(ROOT, 'seeds', f));
  const report = JSON.parse(execFileSync(process.execPath, [path.join(ROOT, 'dist', 'cli.js'), 'compare', ...seeds.slice(0, 3), '--json'], { encoding: 'utf8' }));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-lens-webview-'));
  // The page as the extension serves it, with acquireVsCodeApi recording what it posts.
  const html = `<!DOCTYPE html><html><head><meta charset="utf-8">
<link rel="stylesheet" href="${path.join(ROOT, 'media', 'compare', 'compare.css')}">
<style>:root{--vscode-font-family:system-ui;--vscode-font-size:13px;--vscode-foreground:#ccc;--vscode-editor-background:#1e1e1e;--vscode-descriptionForeground:#9d9d9d;--vscode-editorWidget-background:#252526;--vscode-panel-border:#444;--vscode-editor-findMatchHighlightBackground:#ea5c0055;--vscode-focusBorder:#007fd4}</style>
<script>window.__posted=[];window.__state=null;function acquireVsCodeApi(){return{postMessage:m=>window.__posted.push(m),setState:s=>{window.__state=s},getState:()=>window.__state}}</script>
</head><body>
<div class="toolbar"><h1>Compare articles</h1><button id="export-md">Export Markdown</button><button id="export-html">Export HTML</button></div>
<div id="root"></div>
<script src="${path.join(ROOT, 'dist', 'media', 'compare', 'main.js')}"></script>
</body></html>`;
  fs.writeFileSync(path.join(dir, 'compare.html'), html);
  const context = await launchBrowser({ width: 1500, height: 1000 });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
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
  try {
    console.log('Compare webview page (headless Chromium):');
    await page.goto(`file://${path.join(dir, 'compare.html')}`);
    await check('announces it is ready', async () => assert.deepStrictEqual(await page.evaluate(() => window.__posted[0]), { type: 'ready' }));
    await page.evaluate(({ report, files }) => window.postMessage({ type: 'render', report, files, labels: files }, '*'), { report, files: seeds.slice(0, 3) });
    await page.waitForSelector('.row');
    await page.screenshot({ path: path.join(out, 'compare-panel-top.png') });
    await check('renders a column per article with titles, outlets and shares', async () => {
      assert.strictEqual(await page.locator('.header .article').count(), 3);
      const header = await page.locator('.header').innerText();
      assert.match(header, /China's Xi says willing to put South Korea ties back on track/);
      assert.match(header, /TIME/);
      assert.match(header, /82% shared/);
    });
    await check('keeps its files in the webview state for a reload', async () => assert.deepStrictEqual(await page.evaluate(() => window.__state), { files: seeds.slice(0, 3) }));
    await check('hovering a passage lights up its twin in the other column', async () => {
      const row = page.locator('.row.identical', { hasText: 'Thaad deployment' }).first();
      await row.locator('.cell').first().hover();
      assert.ok(await row.evaluate((r) => r.classList.contains('lit')));
      const cells = await row.locator('.cell.twin').allInnerTexts();
      assert.ok(cells.some((t) => t.includes('Thaad deployment')) && cells.some((t) => t.includes('THAAD deployment')), cells.join(' | '));
      await page.screenshot({ path: path.join(out, 'compare-panel.png') });
    });
    await check('marks passages only one article has', async () => assert.ok((await page.locator('.cell.unique', { hasText: 'Yang Jiechi' }).count()) >= 1));
    await check('shows the quote and entity matrices', async () => {
      const quotes = await page.locator('table.quotes').innerText();
      assert.match(quotes, /Xi Jinping/);
      assert.match(quotes, /China, too, pays great attention/);
      assert.ok((await page.locator('table.entities tr').count()) > 10);
    });
    await check('clicking a passage posts a reveal message with its file and offsets', async () => {
      await page.locator('.cell.twin', { hasText: /THAAD deployment/ }).first().click();
      const msg = await page.evaluate(() => window.__posted[window.__posted.length - 1]);
      assert.strictEqual(msg.type, 'reveal');
      assert.strictEqual(msg.file, seeds[2]);
      const text = fs.readFileSync(seeds[2], 'utf8');
      assert.match(text.slice(msg.start, msg.end), /THAAD deployment/);
    });
    await check('is keyboard accessible: Tab to a passage, Enter reveals it', async () => {
      await page.locator('.cell.twin').first().focus();
      const before = await page.evaluate(() => window.__posted.length);
      await page.keyboard.press('Enter');
      assert.strictEqual(await page.evaluate(() => window.__posted.length), before + 1);
    });
    await check('raises no script errors', async () => assert.deepStrictEqual(errors, []));
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
