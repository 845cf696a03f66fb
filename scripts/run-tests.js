// `npm test`: type check, build, unit tests, the Compare page in Chromium, then the tests inside a real VS Code.
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

const webviewOk = run('Compare page in headless Chromium', process.execPath, [path.join(root, 'test', 'webview', 'run.js')]);
const webview = readJson(path.join(out, 'webview-result.json'));
if (webview) {
  passed += webview.passed;
  failed += webview.failed;
}
if (!webviewOk && (!webview || webview.failed === 0)) failed++;

if (process.env.CORPUS_LENS_SKIP_VSCODE === '1') {
  console.log('\n(real VS Code tests skipped: CORPUS_LENS_SKIP_VSCODE=1)');
} else {
  const vscodeOk = run('tests in a real VS Code (code-server)', process.execPath, [path.join(root, 'test', 'vscode', 'run.js')]);
  const v = readJson(path.join(out, 'vscode-result.json'));
  if (v) {
    passed += v.passed;
    failed += v.failed;
  }
  if (!vscodeOk && (!v || v.failed === 0)) failed++;
}

console.log(`\ntests: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
