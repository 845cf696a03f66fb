// UI end-to-end: the packaged extension installed into code-server, driven like a user
// would in headless Chromium. Saves screenshots under test-output/screenshots/.
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const assert = require('assert');
const { ROOT, startCodeServer, installExtension, launchBrowser, writeUserSettings, tempDir } = require('./codeServer');

let packaged = null;
function packageExtension(out) {
  const vsix = path.join(out, 'corpus-lens.vsix');
  if (packaged === vsix && fs.existsSync(vsix)) return vsix;
  packaged = vsix;
  execFileSync(process.execPath, [path.join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce'), 'package', '--no-dependencies', '--skip-license', '--no-rewrite-relative-links', '-o', vsix], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return vsix;
}

/** Whether the Compare page, nested in the webview's iframes, has rendered its rows (30 s at most). */
function webviewRowsRendered(page) {
  return page
    .waitForFunction(
      () => {
        const outer = [...document.querySelectorAll('iframe.webview')].find((f) => f.offsetParent !== null);
        const inner = outer && outer.contentDocument && outer.contentDocument.querySelector('iframe');
        const doc = inner && inner.contentDocument;
        return !!doc && doc.querySelectorAll('.row').length > 5;
      },
      null,
      { timeout: 30_000 },
    )
    .then(() => true)
    .catch(() => false);
}

async function step(name, fn) {
  const started = Date.now();
  try {
    const r = await fn();
    console.log(`  ✓ ${name} (${Date.now() - started} ms)`);
    return r;
  } catch (e) {
    console.log(`  ✗ ${name}`);
    throw e;
  }
}

async function runUiTest(workspace, out) {
  console.log('UI end-to-end (code-server + Chromium):');
  const shots = path.join(out, 'screenshots');
  fs.mkdirSync(shots, { recursive: true });
  const userDataDir = tempDir('corpus-lens-ui-udd-');
  const extensionsDir = tempDir('corpus-lens-ui-ext-');
  writeUserSettings(userDataDir);
  const vsix = await step('package the extension', () => packageExtension(out));
  const vsixBytes = fs.statSync(vsix).size;
  await step('install it into code-server', () => installExtension(vsix, { userDataDir, extensionsDir }));
  const server = await startCodeServer({ workspace, userDataDir, extensionsDir, logFile: path.join(out, 'code-server-ui.log') });
  const context = await launchBrowser();
  const page = await context.newPage();
  // Webview frames log CSP refusals to the console; the Compare page must cause none.
  const cspErrors = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) cspErrors.push(m.text());
  });
  try {
    await step('open the seeds workspace', async () => {
      await page.goto(`${server.url}/?folder=${encodeURIComponent(workspace)}`);
      await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
    });
    const statusText = await step('status bar counts 5 articles', async () => {
      const item = page.locator('.statusbar-item', { hasText: /5 articles/ });
      await item.first().waitFor({ timeout: 60_000 });
      return item.first().innerText();
    });
    await step('the Events view groups the 5 articles into 2 dated events of one topic', async () => {
      await page.locator('.activitybar a[aria-label^="Corpus Lens"], .activitybar .action-label[aria-label^="Corpus Lens"]').first().click();
      const rows = page.locator('.pane-body .monaco-list-row');
      await page.waitForFunction(() => [...document.querySelectorAll('.pane-body .monaco-list-row')].some((r) => r.textContent.includes('May 2017')), null, { timeout: 30_000 });
      await page.waitForFunction(() => document.querySelectorAll('.pane-body .monaco-list-row').length >= 8, null, { timeout: 30_000 });
      const labels = await rows.allInnerTexts();
      const joined = labels.join('\n');
      for (const expected of [
        // One topic holding both events; each event's dates and size beside its name.
        /2 events · 5 articles/,
        /18 May 2017 · 4 articles/,
        /24 Aug 2017 · 1 article$/m,
        /China's Xi says willing to put South Korea ties back on track/,
        /South Korean envoy in China to mend strained ties/,
        /000_94812cde6ce96dcc\.txt/,
      ]) {
        assert.match(joined, expected, `Events view lacks ${expected}:\n${joined}`);
      }
      assert.strictEqual(labels.length, 8, joined);
    });
    await step('opening an article from the view dims its boilerplate', async () => {
      await page.locator('.pane-body .monaco-list-row', { hasText: 'South Korean envoy in China' }).first().click();
      await page.waitForSelector('.monaco-editor .view-line', { timeout: 30_000 });
      await page.waitForFunction(
        () => {
          for (const span of document.querySelectorAll('.monaco-editor .view-line span')) {
            if ((span.textContent || '').replace(/\u00a0/g, ' ').includes('SHARE THIS ARTICLE') && getComputedStyle(span).opacity !== '1') return true;
          }
          return false;
        },
        null,
        { timeout: 30_000 },
      );
      const bodyOpacity = await page.evaluate(() => {
        for (const line of document.querySelectorAll('.monaco-editor .view-line')) {
          if (line.textContent.replace(/\u00a0/g, ' ').startsWith('China has asked the new government')) {
            return [...line.querySelectorAll('span span')].map((s) => getComputedStyle(s).opacity);
          }
        }
        return null;
      });
      assert.ok(bodyOpacity && bodyOpacity.every((o) => o === '1'), `body text is dimmed: ${bodyOpacity}`);
    });
    await step('hovering a name shows the entity across the corpus', async () => {
      const name = page.locator('.monaco-editor .view-line span', { hasText: /^Wang$/ }).first();
      await name.waitFor({ timeout: 30_000 });
      await name.hover();
      const hover = page.locator('.monaco-hover:visible');
      await hover.first().waitFor({ timeout: 15_000 });
      const text = await hover.first().innerText();
      assert.match(text, /Wang Yi/, text);
      assert.match(text, /person/, text);
      await page.waitForTimeout(300);
      await page.screenshot({ path: path.join(shots, 'entity-hover.png') });
      await page.mouse.move(5, 5);
      await page.keyboard.press('Escape');
    });
    await step('reviewing with the keyboard: Review… on this article, A accepts and the queue moves on', async () => {
      await page.keyboard.press('F1');
      await page.keyboard.type('Corpus Lens: Review…');
      const command = page.locator('.quick-input-widget .monaco-list-row', { hasText: /Corpus Lens: Review…/ });
      await command.first().waitFor({ timeout: 15_000 });
      await page.keyboard.press('Enter');
      const scope = page.locator('.quick-input-widget .monaco-list-row', { hasText: 'This article' });
      await scope.first().waitFor({ timeout: 15_000 });
      await scope.first().click();
      const first = page.locator('.statusbar-item', { hasText: /Review 1\/\d+/ });
      await first.first().waitFor({ timeout: 30_000 });
      await page.waitForTimeout(300);
      await page.screenshot({ path: path.join(shots, 'review.png') });
      // The real key, in the editor: while reviewing, A accepts.
      await page.keyboard.press('a');
      await page.locator('.statusbar-item', { hasText: /Review 2\/\d+/ }).first().waitFor({ timeout: 30_000 });
      await page.keyboard.press('Escape');
      await page.locator('.statusbar-item', { hasText: /Review \d+\/\d+/ }).first().waitFor({ state: 'detached', timeout: 15_000 }).catch(async () => {
        assert.strictEqual(await page.locator('.statusbar-item:visible', { hasText: /Review \d+\/\d+/ }).count(), 0, 'the review did not stop on Escape');
      });
    });
    await step('the Compare action on an event opens the comparison panel', async () => {
      const eventRow = page.locator('.pane-body .monaco-list-row', { hasText: /18 May 2017 · 4 articles/ }).first();
      const tab = page.locator('.tab', { hasText: 'Compare 4 Articles' });
      // The review just before changes the view's counts, and the tree re-renders its rows: a
      // click on a row being replaced reaches the command without its event (it then asks which
      // articles, as from the palette). Such a picker is closed and the new row clicked again.
      for (let attempt = 1; attempt <= 3; attempt++) {
        await eventRow.hover();
        await eventRow.locator('.action-label[aria-label^="Compare Articles"]').first().click();
        const last = attempt === 3;
        const opened = await tab.first().waitFor({ timeout: last ? 40_000 : 10_000 }).then(() => true, (error) => {
          if (last) throw error;
          return false;
        });
        if (opened) break;
        await page.keyboard.press('Escape');
        await page.waitForTimeout(1000);
      }
      await webviewRowsRendered(page);
      await page.waitForTimeout(1500);
      await page.screenshot({ path: path.join(shots, 'compare-in-vscode.png') });
    });
    await step('under the panel\'s real CSP the share bars have their widths and nothing is refused', async () => {
      const frame = await findFrame(page, '.header .bar');
      const bars = await frame.$$eval('.header .bar', (svgs) => svgs.map((s) => ({ bar: s.getBoundingClientRect().width, shared: s.querySelector('.shared').getBoundingClientRect().width, label: s.getAttribute('aria-label') })));
      assert.strictEqual(bars.length, 4, JSON.stringify(bars));
      for (const b of bars) {
        const share = Number(/^(\d+)% shared/.exec(b.label)[1]) / 100;
        assert.ok(b.bar > 50, `bar ${b.bar} px`);
        assert.ok(Math.abs(b.shared - share * b.bar) <= 2, `${b.label}: ${b.shared} of ${b.bar} px`);
      }
      assert.ok(bars.some((b) => b.shared > 20), `no bar is drawn: ${JSON.stringify(bars)}`);
      assert.deepStrictEqual(cspErrors, []);
    });
    await step('the Compare panel comes back after a window reload', async () => {
      // Reload as a user does, so the workbench shuts down in order and saves its editors.
      await page.waitForTimeout(1500);
      await page.keyboard.press('F1');
      await page.keyboard.type('Developer: Reload Window');
      await page.waitForTimeout(500);
      await page.keyboard.press('Enter');
      await page.waitForTimeout(3000);
      await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
      await page.locator('.tab', { hasText: 'Compare 4 Articles' }).first().waitFor({ timeout: 60_000 });
      await page.locator('.tab', { hasText: 'Compare 4 Articles' }).first().click();
      const rendered = await webviewRowsRendered(page);
      await page.screenshot({ path: path.join(shots, 'compare-after-reload.png') });
      // The webview's frames may be cross-origin; the tab's title says which articles came back.
      assert.strictEqual(await page.locator('.tab', { hasText: 'Compare 4 Articles' }).count(), 1, 'the restored panel lost its articles');
      if (!rendered) console.log('    (panel content not readable from the test; see compare-after-reload.png)');
    });
    await step('Strip Boilerplate asks in a modal dialog, strips, and closes its preview', async () => {
      await page.locator('.tab', { hasText: 'Compare 4 Articles' }).first().click();
      await page.keyboard.press('Control+P');
      await page.keyboard.type('004_057a0b69c0c8fa40.txt');
      await page.waitForTimeout(800);
      await page.keyboard.press('Enter');
      await page.locator('.tab.active', { hasText: '004_057a0b69c0c8fa40.txt' }).first().waitFor({ timeout: 30_000 });
      await page.waitForTimeout(1000);
      // The editor, not the Compare page, must have focus: the command offers the active article.
      await page.locator('.monaco-editor .view-line', { hasText: 'China has asked the new government' }).first().click();
      await runCommand(page, 'Corpus Lens: Strip Boilerplate');
      await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'This article' }).first().click();
      const dialog = page.locator('.monaco-dialog-box');
      await dialog.waitFor({ timeout: 30_000 });
      const message = await dialog.innerText();
      assert.match(message, /Strip 7 boilerplate lines from 1 article\?/, message);
      assert.strictEqual(await page.locator('.tab', { hasText: 'without boilerplate' }).count(), 1, 'the diff preview is open behind the dialog');
      await page.waitForTimeout(500);
      await page.screenshot({ path: path.join(shots, 'strip-boilerplate-dialog.png') });
      // From here to 3 s after Undo, the page samples what the renderer shows 60 times a second:
      // it must fit the text on screen, no body line dimmed and no name underlined from the middle
      // of a word (a paint of the text before the edit, landing on the text after it, did both).
      await page.evaluate(() => {
        window.__misplaced = new Set();
        const word = /[\p{L}\p{N}]/u;
        window.__misplacedTimer = setInterval(() => {
          for (const line of document.querySelectorAll('.editor-group-container .monaco-editor .view-line')) {
            const text = line.textContent.replace(/\u00a0/g, ' ');
            if (/^(South Korean envoy in China to mend|China has asked the new government|Moon dispatched his envoy)/.test(text)) {
              for (const span of line.querySelectorAll('span span')) if (getComputedStyle(span).opacity !== '1') window.__misplaced.add(`dimmed: ${text.slice(0, 40)}`);
            }
            let offset = 0;
            for (const span of line.querySelectorAll(':scope > span > span')) {
              const t = span.textContent.replace(/\u00a0/g, ' ');
              const style = getComputedStyle(span);
              if (style.borderBottomStyle !== 'none' && style.borderBottomWidth !== '0px' && word.test(text[offset - 1] || '') && word.test(t[0] || '')) window.__misplaced.add(`underlined from mid-word: "${t}" in "${text.slice(0, 60)}"`);
              offset += t.length;
            }
          }
        }, 16);
      });
      await dialog.locator('.monaco-button', { hasText: /^Strip$/ }).click();
      await page.waitForFunction(() => ![...document.querySelectorAll('.tab')].some((t) => t.textContent.includes('without boilerplate')), null, { timeout: 15_000 });
      const lines = () => [...document.querySelectorAll('.editor-group-container .monaco-editor .view-line')].map((l) => l.textContent.replace(/\u00a0/g, ' '));
      await page.waitForFunction((f) => {
        const text = new Function(`return (${f})()`)();
        return !text.some((l) => l.includes('www.presstv.co.uk')) && text.some((l) => l.includes('Thursday'));
      }, lines.toString(), { timeout: 15_000 });
      await page.screenshot({ path: path.join(shots, 'strip-boilerplate-done.png') });
      await page.keyboard.press('Control+Z');
      await page.waitForFunction((f) => new Function(`return (${f})()`)().some((l) => l.includes('www.presstv.co.uk')), lines.toString(), { timeout: 15_000 });
      await page.waitForTimeout(3000);
      const misplacedSeen = await page.evaluate(() => {
        clearInterval(window.__misplacedTimer);
        return [...window.__misplaced];
      });
      assert.deepStrictEqual(misplacedSeen.slice(0, 8), [], 'decorations that do not fit the text, from Strip to 3 s after Undo');
    });
    await step('the Explorer offers the Corpus Lens submenu on articles only', async () => {
      const menuItems = async (name) => {
        if (!(await page.locator('.explorer-folders-view').first().isVisible())) await page.keyboard.press('Control+Shift+E');
        await page.mouse.move(700, 500);
        await page.waitForTimeout(300);
        const row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: name }).first();
        await row.waitFor({ timeout: 15_000 });
        await row.click({ button: 'right', force: true });
        const menu = page.locator('.context-view .monaco-menu');
        await menu.first().waitFor({ timeout: 10_000 });
        const labels = await menu.first().locator('.action-label').allInnerTexts();
        let sub = [];
        const corpus = menu.first().locator('.action-item', { hasText: /^Corpus Lens$/ });
        if (await corpus.count()) {
          await corpus.first().hover();
          await page.waitForTimeout(800);
          sub = await page.locator('.context-view .monaco-menu').last().locator('.action-label').allInnerTexts();
        }
        await page.keyboard.press('Escape');
        await page.keyboard.press('Escape');
        return { labels, sub };
      };
      const article = await menuItems('001_ac19e9e0453ebfbc.txt');
      assert.ok(article.labels.includes('Corpus Lens'), article.labels.join(' | '));
      assert.ok(article.sub.some((l) => l.startsWith('Move Article to Event')), article.sub.join(' | '));
      const notes = await menuItems('notes.txt');
      assert.ok(!notes.labels.includes('Corpus Lens'), `a text file outside the corpus has the Corpus Lens submenu: ${notes.labels.join(' | ')}`);
    });
    await step('screenshot', async () => {
      await page.waitForTimeout(500);
      await page.screenshot({ path: path.join(shots, 'foundation-events-and-boilerplate.png') });
    });
    console.log(`  status bar: "${statusText.trim()}", vsix ${(vsixBytes / 1024).toFixed(0)} KiB`);
  } catch (e) {
    await page.screenshot({ path: path.join(shots, 'failure.png') }).catch(() => {});
    throw e;
  } finally {
    await context.close().catch(() => {});
    server.stop();
  }
}

/** The frame (of the page's webviews) that has `selector`. */
async function findFrame(page, selector, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    for (const f of page.frames()) {
      if (await f.$(selector).catch(() => null)) return f;
    }
    if (Date.now() > deadline) throw new Error(`no frame shows ${selector}`);
    await page.waitForTimeout(250);
  }
}

async function runCommand(page, title) {
  await page.keyboard.press('F1');
  await page.locator('.quick-input-widget input').waitFor({ timeout: 10_000 });
  await page.keyboard.type(title);
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: title }).first().waitFor({ timeout: 10_000 });
  await page.keyboard.press('Enter');
}

/**
 * A new user's first run: a plain folder of articles (no seeds/ folder, no settings) is
 * offered as a corpus once; accepting indexes it.
 */
async function runFirstRunUiTest(folder, out) {
  console.log('First run on a plain folder (code-server + Chromium):');
  const shots = path.join(out, 'screenshots');
  fs.mkdirSync(shots, { recursive: true });
  const userDataDir = tempDir('corpus-lens-first-udd-');
  const extensionsDir = tempDir('corpus-lens-first-ext-');
  writeUserSettings(userDataDir);
  const vsix = await step('package the extension', () => packageExtension(out));
  await step('install it into code-server', () => installExtension(vsix, { userDataDir, extensionsDir }));
  const server = await startCodeServer({ workspace: folder, userDataDir, extensionsDir, logFile: path.join(out, 'code-server-first-run.log') });
  const context = await launchBrowser();
  const page = await context.newPage();
  try {
    await step('open a plain folder of five articles', async () => {
      await page.goto(`${server.url}/?folder=${encodeURIComponent(folder)}`);
      await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
    });
    const toast = page.locator('.notification-toast', { hasText: /Use this folder's 5 text files as a corpus\?/ });
    await step('one notification offers the folder as a corpus', async () => {
      await toast.first().waitFor({ timeout: 60_000 });
      await page.waitForTimeout(500);
      await page.screenshot({ path: path.join(shots, 'first-run-notification.png') });
      assert.strictEqual(await toast.count(), 1);
    });
    await step('accepting indexes its articles', async () => {
      await toast.locator('.monaco-button', { hasText: 'Use as Corpus' }).click();
      await page.locator('.statusbar-item', { hasText: /5 articles/ }).first().waitFor({ timeout: 60_000 });
      await page.locator('.activitybar a[aria-label^="Corpus Lens"], .activitybar .action-label[aria-label^="Corpus Lens"]').first().click();
      await page.waitForFunction(() => [...document.querySelectorAll('.pane-body .monaco-list-row')].some((r) => r.textContent.includes('May 2017')), null, { timeout: 30_000 });
      await page.screenshot({ path: path.join(shots, 'first-run-accepted.png') });
    });
    await step('the choice is kept as the folder\'s corpusLens.include', async () => {
      const settings = JSON.parse(fs.readFileSync(path.join(folder, '.vscode', 'settings.json'), 'utf8'));
      assert.deepStrictEqual(settings['corpusLens.include'], ['**/*.txt']);
    });
  } catch (e) {
    await page.screenshot({ path: path.join(shots, 'first-run-failure.png') }).catch(() => {});
    throw e;
  } finally {
    await context.close().catch(() => {});
    server.stop();
  }
}

module.exports = { runUiTest, runFirstRunUiTest };
