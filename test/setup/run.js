// The setup check: `npm test`'s own setup must install code-server from inside an outer
// `npm test` run by another Node. That outer npm passes npm_config_user_agent (naming its
// Node) and its other npm_* variables down; code-server's postinstall reads the user agent
// and refuses unless it names Node 24. The probe package runs that very check in a nested
// install made the way scripts/setup-code-server.sh installs code-server.
const { spawnSync } = require('child_process');
const assert = require('assert');
const fs = require('fs');
const os = require('os');
const path = require('path');

const ROOT = path.resolve(__dirname, '..', '..');
const outer = {
  npm_config_user_agent: 'npm/10.8.2 node/v20.19.0 linux x64 workspaces/false',
  npm_node_execpath: '/usr/bin/node',
  npm_execpath: '/usr/lib/node_modules/npm/bin/npm-cli.js',
  npm_lifecycle_event: 'test',
  npm_lifecycle_script: 'node scripts/run-tests.js',
  npm_package_name: 'corpus-lens',
  npm_config_global_prefix: '/usr',
  INIT_CWD: ROOT,
};

function probe(extra) {
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-lens-probe-')), 'result');
  const r = spawnSync('bash', [path.join(ROOT, 'scripts', 'setup-code-server.sh'), '--probe-nested-npm', path.join(__dirname, 'user-agent-probe')], {
    env: { ...process.env, ...outer, ...extra, CORPUS_LENS_PROBE_OUT: out },
    encoding: 'utf8',
  });
  assert.strictEqual(r.status, 0, r.stderr);
  return fs.readFileSync(out, 'utf8').trim();
}

let passed = 0;
let failed = 0;
function check(name, fn) {
  try {
    fn();
    passed++;
    console.log(`  ✓ ${name}`);
  } catch (e) {
    failed++;
    console.log(`  ✗ ${name}\n    ${e.message}`);
  }
}

console.log('npm test setup under an outer npm of another Node:');
check("the nested install's user agent names Node 24, as code-server's postinstall requires", () => {
  const [major, version] = probe({}).split(' ');
  assert.strictEqual(version.split('.')[0], 'v24');
  assert.strictEqual(major, '24');
});
check('without the clean environment the same probe sees the outer Node (the check can fail)', () => {
  const [major] = probe({ CORPUS_LENS_KEEP_NPM_ENV: '1' }).split(' ');
  assert.strictEqual(major, '20');
});
console.log(`setup: ${passed} passed, ${failed} failed`);
fs.mkdirSync(path.join(ROOT, 'test-output'), { recursive: true });
fs.writeFileSync(path.join(ROOT, 'test-output', 'setup-result.json'), JSON.stringify({ passed, failed }));
process.exitCode = failed ? 1 : 0;
