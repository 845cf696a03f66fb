// Runs the integration suites (mocha, real `vscode` API) and the UI end-to-end test
// inside a real VS Code. Results and screenshots go to test-output/.
const fs = require('fs');
const path = require('path');
const { runTests } = require('@vscode/test-electron');
const { ROOT, ensureInstalled, tempDir } = require('./codeServer');
const { runUiTest, runFirstRunUiTest } = require('./ui.e2e');
const { writeScaleCorpus } = require('./scaleCorpus');

const SCALE_ARTICLES = 1000;

function makeWorkspace() {
  const ws = path.join(tempDir('corpus-lens-ws-'), 'corpus');
  fs.mkdirSync(path.join(ws, 'seeds'), { recursive: true });
  for (const f of fs.readdirSync(path.join(ROOT, 'seeds'))) fs.copyFileSync(path.join(ROOT, 'seeds', f), path.join(ws, 'seeds', f));
  return ws;
}

function readJson(file, fallback) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return fallback;
  }
}

/** A corpus folder (it has .corpus-lens/, so it is read whole) of generated articles in articles/. */
function makeScaleWorkspace(n) {
  const ws = path.join(tempDir('corpus-lens-scale-'), 'corpus');
  fs.mkdirSync(path.join(ws, '.corpus-lens'), { recursive: true });
  writeScaleCorpus(path.join(ROOT, '..', 'shared', 'eval'), path.join(ws, 'articles'), n);
  return ws;
}

async function runIntegration(out, { workspace = makeWorkspace(), suites = process.env.CORPUS_LENS_SUITES ?? '', env = {}, name = 'integration suites' } = {}) {
  const started = Date.now();
  const resultFile = path.join(out, 'integration-result.json');
  fs.rmSync(resultFile, { force: true });
  try {
    await runTests({
      vscodeExecutablePath: path.join(__dirname, 'electronShim.js'),
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: path.join(ROOT, 'dist', 'test', 'suite', 'index.js'),
      launchArgs: [workspace],
      extensionTestsEnv: { CORPUS_LENS_TEST_OUTPUT: out, CORPUS_LENS_SUITES: suites, ...env },
    });
    console.log(`${name}: passed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } catch (e) {
    console.error(`${name}: FAILED (${e.message})`);
  }
  const r = readJson(resultFile, { passing: 0, failing: 0, exitCode: 1 });
  // A run that died before mocha reported still counts as one failure.
  return { passed: r.passing, failed: r.failing || (r.exitCode !== 0 ? 1 : 0) };
}

async function runUi(out) {
  try {
    // A text file outside the corpus, on which the Explorer must not offer article commands.
    const workspace = makeWorkspace();
    fs.writeFileSync(path.join(workspace, 'notes.txt'), 'Reporting notes, not an article.\n');
    await runUiTest(workspace, out);
    return { passed: 1, failed: 0 };
  } catch (e) {
    console.error(`UI end-to-end: FAILED\n${e.stack || e}`);
    return { passed: 0, failed: 1 };
  }
}

/** Five articles straight in a folder named like a user's, with no seeds/ folder and no settings. */
function makePlainFolder() {
  const dir = path.join(tempDir('corpus-lens-plain-'), 'my-articles');
  fs.mkdirSync(dir, { recursive: true });
  for (const f of fs.readdirSync(path.join(ROOT, 'seeds'))) fs.copyFileSync(path.join(ROOT, 'seeds', f), path.join(dir, f));
  return dir;
}

async function runFirstRun(out) {
  try {
    await runFirstRunUiTest(makePlainFolder(), out);
    return { passed: 1, failed: 0 };
  } catch (e) {
    console.error(`First run end-to-end: FAILED\n${e.stack || e}`);
    return { passed: 0, failed: 1 };
  }
}

async function main() {
  const only = process.argv[2];
  ensureInstalled();
  const out = path.join(ROOT, 'test-output');
  fs.mkdirSync(out, { recursive: true });
  const results = [];
  if (!only || only === 'integration') results.push(await runIntegration(out));
  if (!only || only === 'ui') results.push(await runUi(out));
  if (!only || only === 'first-run') results.push(await runFirstRun(out));
  if (!only || only === 'scale') {
    // The editor at scale (issues #16, #23): its own workspace of generated articles.
    results.push(await runIntegration(out, { workspace: makeScaleWorkspace(SCALE_ARTICLES), suites: 'scale', env: { CORPUS_LENS_SCALE_ARTICLES: String(SCALE_ARTICLES) }, name: 'editor at scale' }));
  }
  const total = results.reduce((t, r) => ({ passed: t.passed + r.passed, failed: t.failed + r.failed }), { passed: 0, failed: 0 });
  fs.writeFileSync(path.join(out, 'vscode-result.json'), JSON.stringify(total));
  console.log(`vscode: ${total.passed} passed, ${total.failed} failed`);
  process.exitCode = total.failed ? 1 : 0;
}

main();
