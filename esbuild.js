// Bundles the extension, its analysis worker, the CLI, benchmarks, webview scripts and test suites.
const esbuild = require('esbuild');
const fs = require('fs');
const path = require('path');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  // Node 20 has Unicode property escapes; without this esbuild rewrites every /\p{…}/u literal
  // into a `new RegExp(…)` built on each call (93 of them on the analysis's hot paths).
  supported: { 'regexp-unicode-property-escapes': true },
  format: 'cjs',
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'warning',
  external: ['vscode'],
};

function exists(p) {
  return fs.existsSync(path.join(__dirname, p));
}

function listTs(dir) {
  if (!exists(dir)) return [];
  return fs
    .readdirSync(path.join(__dirname, dir), { recursive: true })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => path.join(dir, f));
}

const builds = [
  // Activation loads only extension.js; analysis runs in the worker bundle, loaded on demand.
  { ...common, entryPoints: { extension: 'src/extension/extension.ts', analysisWorker: 'src/extension/analysisWorker.ts', stageWorker: 'src/engine/stageWorker.ts', trainWorker: 'src/extension/trainWorker.ts' }, outdir: 'dist' },
  { ...common, entryPoints: { cli: 'src/cli/cli.ts' }, outdir: 'dist', banner: { js: '#!/usr/bin/env node' } },
];
// wink-nlp and compromise (devDependencies) are loaded from node_modules by the benchmark alone.
if (exists('bench')) builds.push({ ...common, entryPoints: { bench: 'bench/bench.ts' }, outdir: 'dist', sourcemap: false, external: ['vscode', 'wink-nlp', 'wink-eng-lite-web-model', 'compromise'] });
const webviewScripts = listTs('media').filter((f) => !f.endsWith('.d.ts'));
if (webviewScripts.length) {
  builds.push({ ...common, platform: 'browser', format: 'iife', target: 'es2022', external: [], entryPoints: webviewScripts, outbase: 'media', outdir: 'dist/media' });
}
// Integration suites run inside the real VS Code extension host: mocha and the suites are bundled.
const suites = listTs('test/vscode/suite');
if (suites.length) {
  builds.push({ ...common, entryPoints: suites, outdir: 'dist/test/suite', sourcemap: 'inline', minify: false, external: ['vscode', 'mocha'] });
}

async function main() {
  if (watch) {
    const contexts = await Promise.all(builds.map((b) => esbuild.context(b)));
    await Promise.all(contexts.map((c) => c.watch()));
    console.log('[watch] build started');
    return;
  }
  await Promise.all(builds.map((b) => esbuild.build(b)));
  if (fs.existsSync('dist/cli.js')) fs.chmodSync('dist/cli.js', 0o755);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
