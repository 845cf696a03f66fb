#!/usr/bin/env node
// The editor at scale, measured in a real VS Code (code-server): a generated corpus of N articles
// (default 10,000; test/vscode/scaleCorpus.js) opened twice with the same profile. The first
// start analyses everything (cold); the second finds the results in the on-disk cache in the
// workspace's storage (warm). For each: activation → indexed, activation → ready (entities,
// events and shared passages done), and the memory of the extension host process, whose
// threads include the analysis workers. Not part of CI (it takes many minutes).
//   npm run build:production && node scripts/measure-editor-scale.js [N]
const fs = require('fs');
const os = require('os');
const path = require('path');
const { runTests } = require('@vscode/test-electron');
const { ROOT, ensureInstalled, freePort, tempDir } = require('../test/vscode/codeServer');
const { writeScaleCorpus } = require('../test/vscode/scaleCorpus');

async function start(phase, workspace, userDataDir, port, out) {
  const began = Date.now();
  fs.rmSync(path.join(out, `scale-measure-${phase}.json`), { force: true });
  await runTests({
    vscodeExecutablePath: path.join(ROOT, 'test', 'vscode', 'electronShim.js'),
    extensionDevelopmentPath: ROOT,
    extensionTestsPath: path.join(ROOT, 'dist', 'test', 'suite', 'index.js'),
    launchArgs: [workspace],
    extensionTestsEnv: {
      CORPUS_LENS_TEST_OUTPUT: out,
      CORPUS_LENS_SUITES: 'scale-measure',
      CORPUS_LENS_SCALE_PHASE: phase,
      CORPUS_LENS_USER_DATA_DIR: userDataDir,
      CORPUS_LENS_CODE_SERVER_PORT: String(port),
      CORPUS_LENS_TEST_TIMEOUT_MS: String(3_600_000),
    },
  });
  const figures = JSON.parse(fs.readFileSync(path.join(out, `scale-measure-${phase}.json`), 'utf8'));
  const storage = path.join(userDataDir, 'User', 'workspaceStorage');
  figures.workspaceStorages = fs.existsSync(storage) ? fs.readdirSync(storage).length : 0;
  return { ...figures, wallSecondsWholeStart: Math.round((Date.now() - began) / 1000), loadAverage: +os.loadavg()[0].toFixed(1) };
}

async function main() {
  const n = Number(process.argv[2] || 10_000);
  ensureInstalled();
  if (!fs.existsSync(path.join(ROOT, 'dist', 'test', 'suite', 'scale-measure.test.js'))) throw new Error('build first: node esbuild.js --production');
  const out = path.join(ROOT, 'test-output');
  fs.mkdirSync(out, { recursive: true });
  const workspace = path.join(tempDir('corpus-lens-scale-measure-'), 'corpus');
  fs.mkdirSync(path.join(workspace, '.corpus-lens'), { recursive: true });
  const files = writeScaleCorpus(process.env.CORPUS_LENS_EVAL_DIR || path.join(ROOT, '..', 'shared', 'eval'), path.join(workspace, 'articles'), n);
  const megabytes = files.reduce((s, f) => s + fs.statSync(f).size, 0) / 1e6;
  console.log(`${n} articles, ${megabytes.toFixed(1)} MB, in ${workspace}; ${os.cpus().length} CPUs, load average ${os.loadavg()[0].toFixed(1)}`);
  const userDataDir = tempDir('corpus-lens-scale-udd-');
  // The same port both times: the workspace's storage (and its cache) is keyed by a URI holding it.
  const port = await freePort();
  const cold = await start('cold', workspace, userDataDir, port, out);
  console.log('cold', JSON.stringify(cold));
  const warm = await start('warm', workspace, userDataDir, port, out);
  console.log('warm', JSON.stringify(warm));
  const s = (ms) => (ms / 1000).toFixed(1);
  const result = { articles: n, megabytes: +megabytes.toFixed(1), cpus: os.cpus().length, date: new Date().toISOString(), cold, warm };
  fs.writeFileSync(path.join(out, 'editor-scale.json'), JSON.stringify(result, null, 2));
  console.log('\n| start | indexed | ready (entities, events, shared passages) | extension host peak RSS |');
  console.log('|---|---|---|---|');
  for (const [name, f] of [['cold', cold], ['warm (on-disk cache)', warm]]) console.log(`| ${name} | ${s(f.indexMs)} s | ${s(f.readyMs)} s | ${Math.max(f.maxRssMb, f.rssPeakSampledMb)} MB |`);
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
