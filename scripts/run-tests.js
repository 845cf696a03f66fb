// `npm test`: type check, build, unit tests, setup (on a fresh machine), the Compare page in Chromium,
// then the tests inside a real VS Code.
// Ends with one line that counts every test: "tests: N passed, M failed".
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');
const out = path.join(root, 'test-output');
fs.mkdirSync(out, { recursive: true });

function run(title, cmd, args) {
  console.log(`\n=== ${title}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  return r.status === 0;
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

const bin = (name) => path.join(root, 'node_modules', '.bin', name);
let passed = 0;
let failed = 0;

if (!run('type check', bin('tsc'), ['-p', '.'])) failed++;
// The webview pages against the DOM and @types/vscode-webview (media/tsconfig.json).
if (!run('type check (webview pages)', bin('tsc'), ['-p', 'media'])) failed++;
if (!run('build', process.execPath, ['esbuild.js', '--production'])) {
  console.log('tests: 0 passed, 1 failed');
  process.exit(1);
}

const vitestJson = path.join(out, 'vitest.json');
fs.rmSync(vitestJson, { force: true });
const unitOk = run('unit tests (vitest)', bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`]);
const unit = readJson(vitestJson);
if (unit) {
  passed += unit.numPassedTests;
  failed += unit.numFailedTests;
}
if (!unitOk && (!unit || unit.numFailedTests === 0)) failed++;

/** Runs a phase that writes {passed, failed} to a result file; a crash before it counts as one failure. */
function phase(title, script, resultFile) {
  const ok = run(title, process.execPath, [path.join(root, ...script)]);
  const result = readJson(path.join(out, resultFile));
  if (result) {
    passed += result.passed;
    failed += result.failed;
  }
  if (!ok && (!result || result.failed === 0)) failed++;
}

// A fresh machine sets itself up here: Debian packages when it may (root or sudo without a
// password), else one line saying what to install; then code-server and Node 24 into .cache/.
const skipVscode = process.env.CORPUS_LENS_SKIP_VSCODE === '1';
if (!run('setup (browser, code-server)', 'bash', [path.join(root, 'scripts', 'setup-code-server.sh'), ...(skipVscode ? ['--browser-only'] : [])])) {
  failed++;
  console.log(`\ntests: ${passed} passed, ${failed} failed`);
  process.exit(1);
}
if (!skipVscode) phase('setup check: nested install under another Node\'s npm environment', ['test', 'setup', 'run.js'], 'setup-result.json');
phase('CLI stages under Dask Distributed (a real scheduler and workers)', ['test', 'distributed', 'run.js'], 'distributed-result.json');
phase('Compare page in headless Chromium', ['test', 'webview', 'run.js'], 'webview-result.json');
if (skipVscode) console.log('\n(real VS Code tests skipped: CORPUS_LENS_SKIP_VSCODE=1)');
else phase('tests in a real VS Code (code-server)', ['test', 'vscode', 'run.js'], 'vscode-result.json');

console.log(`\ntests: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
