#!/usr/bin/env node
// Stands in for the VS Code executable that @vscode/test-electron would download:
// it takes the same arguments, runs the tests in code-server's real extension host
// (driven by headless Chromium) and exits with the tests' exit code.
const fs = require('fs');
const path = require('path');
const util = require('util');
const { startCodeServer, launchBrowser, writeUserSettings, tempDir } = require('./codeServer');

function parseArgs(argv) {
  const opts = { positional: [] };
  for (const arg of argv) {
    const m = /^--([^=]+)=(.*)$/.exec(arg);
    if (m) opts[m[1]] = m[2];
    else if (!arg.startsWith('--')) opts.positional.push(arg);
  }
  return opts;
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const workspace = path.resolve(opts.positional[0] || process.cwd());
  // A given profile is kept between runs (scripts/measure-editor-scale.js: a warm start reads its workspace storage).
  const userDataDir = process.env.CORPUS_LENS_USER_DATA_DIR || tempDir('corpus-lens-udd-');
  const extensionsDir = tempDir('corpus-lens-ext-');
  writeUserSettings(userDataDir);
  const outDir = process.env.CORPUS_LENS_TEST_OUTPUT || path.join(__dirname, '..', '..', 'test-output');
  fs.mkdirSync(outDir, { recursive: true });
  const server = await startCodeServer({
    workspace,
    userDataDir,
    extensionsDir,
    vscodeOptions: ['enable-smoke-test-driver'],
    logFile: path.join(outDir, 'code-server-integration.log'),
  });
  const remote = (p) => `vscode-remote://127.0.0.1:${server.port}${path.resolve(p)}`;
  const payload = [
    ['extensionDevelopmentPath', remote(opts.extensionDevelopmentPath)],
    ['extensionTestsPath', remote(opts.extensionTestsPath)],
    ['extensionEnvironment', JSON.stringify({ CORPUS_LENS_TEST_WORKSPACE: workspace, CORPUS_LENS_TEST_OUTPUT: outDir })],
  ];
  const context = await launchBrowser();
  let finish;
  const exited = new Promise((resolve) => (finish = resolve));
  const timeoutMs = Number(process.env.CORPUS_LENS_TEST_TIMEOUT_MS || 300_000);
  const timer = setTimeout(() => {
    console.error(`Integration tests did not finish within ${timeoutMs / 1000} s.`);
    finish(1);
  }, timeoutMs);
  try {
    const page = await context.newPage();
    // Everything the workbench logs goes to a file; only the test reporter's lines to the console.
    const consoleLog = fs.openSync(path.join(outDir, 'integration-console.log'), 'w');
    let reporting = false;
    const counts = { passing: 0, failing: 0, pending: 0 };
    await page.exposeFunction('codeAutomationLog', (level, args) => {
      const text = Array.isArray(args) ? util.format(...args) : util.format(level, args);
      fs.writeSync(consoleLog, `${level} ${text}\n`);
      if (/^\s+\S/.test(text) && !/^\s+at /.test(text)) reporting = true;
      if (reporting && !/^\s+at /.test(text)) console.log(text);
      const m = /^\s*(\d+) (passing|failing|pending)/.exec(text);
      if (m) counts[m[2]] = Number(m[1]);
    });
    await page.exposeFunction('codeAutomationExit', (code) => finish(code));
    const url = `${server.url}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    await page.goto(url);
    const code = await exited;
    fs.writeFileSync(path.join(outDir, 'integration-result.json'), JSON.stringify({ ...counts, exitCode: code }));
    process.exitCode = code;
  } finally {
    clearTimeout(timer);
    await context.close().catch(() => {});
    server.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
