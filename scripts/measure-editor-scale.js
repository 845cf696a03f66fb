#!/usr/bin/env node
// The editor at scale, measured in a real VS Code (code-server): a generated corpus of N articles
// (default 10,000; test/vscode/scaleCorpus.js) opened twice with the same profile. The first
// start analyses everything (cold); the second finds the results in the on-disk cache in the
// workspace's storage (warm). For each: activation → indexed, activation → ready (entities,
// events and shared passages done), and the memory of the extension host process, whose
// threads include the analysis workers. Not part of CI (it takes many minutes).
//   npm run build:production && node scripts/measure-editor-scale.js [N]
// CORPUS_LENS_SCALE_DIR=DIR keeps the corpus, the profile and the port in DIR, so a later run
// of the same build can start warm alone (CORPUS_LENS_SCALE_PHASES=warm) on the cache an
// earlier cold start left; CORPUS_LENS_HOST_CPU_PROFILE=DIR writes a CPU profile of the
// extension host's thread per start (scale-measure.test.ts).
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
      ...(process.env.CORPUS_LENS_HOST_CPU_PROFILE ? { CORPUS_LENS_HOST_CPU_PROFILE: process.env.CORPUS_LENS_HOST_CPU_PROFILE } : {}),
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
  const keep = process.env.CORPUS_LENS_SCALE_DIR;
  const phases = (process.env.CORPUS_LENS_SCALE_PHASES || 'cold,warm').split(',');
  const home = keep ? path.resolve(keep) : tempDir('corpus-lens-scale-measure-');
  const workspace = path.join(home, 'corpus');
  const userDataDir = path.join(home, 'profile');
  const portFile = path.join(home, 'port');
  fs.mkdirSync(path.join(workspace, '.corpus-lens'), { recursive: true });
  const articlesDir = path.join(workspace, 'articles');
  const existing = fs.existsSync(articlesDir) ? fs.readdirSync(articlesDir).length : 0;
  const files = existing === n ? fs.readdirSync(articlesDir).map((f) => path.join(articlesDir, f)) : writeScaleCorpus(process.env.CORPUS_LENS_EVAL_DIR || path.join(ROOT, '..', 'shared', 'eval'), articlesDir, n);
  const megabytes = files.reduce((s, f) => s + fs.statSync(f).size, 0) / 1e6;
  console.log(`${n} articles, ${megabytes.toFixed(1)} MB, in ${workspace}; ${os.cpus().length} CPUs, load average ${os.loadavg()[0].toFixed(1)}`);
  // The same port every time: the workspace's storage (and its cache) is keyed by a URI holding it.
  const port = fs.existsSync(portFile) ? Number(fs.readFileSync(portFile, 'utf8')) : await freePort();
  fs.writeFileSync(portFile, String(port));
  const cold = phases.includes('cold') ? await start('cold', workspace, userDataDir, port, out) : null;
  if (cold) console.log('cold', JSON.stringify(cold));
  const warm = phases.includes('warm') ? await start('warm', workspace, userDataDir, port, out) : null;
  if (warm) console.log('warm', JSON.stringify(warm));
  const s = (ms) => (ms / 1000).toFixed(1);
  const result = { articles: n, megabytes: +megabytes.toFixed(1), cpus: os.cpus().length, date: new Date().toISOString(), cold, warm };
  fs.writeFileSync(path.join(out, 'editor-scale.json'), JSON.stringify(result, null, 2));
  console.log('\n| start | indexed | ready (entities, events, shared passages) | extension host peak RSS |');
  console.log('|---|---|---|---|');
  for (const [name, f] of [['cold', cold], ['warm (on-disk cache)', warm]].filter(([, f]) => f)) console.log(`| ${name} | ${s(f.indexMs)} s | ${s(f.readyMs)} s | ${Math.max(f.maxRssMb, f.rssPeakSampledMb)} MB |`);
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
