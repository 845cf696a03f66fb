// The CLI's stages under a real Dask Distributed scheduler and workers (Debian python3-distributed):
// see dask_stages.py. Writes test-output/distributed-result.json.
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const root = path.resolve(__dirname, '..', '..');
const out = path.join(root, 'test-output');
fs.mkdirSync(out, { recursive: true });
const resultFile = path.join(out, 'distributed-result.json');
fs.rmSync(resultFile, { force: true });
// Debian's python3, which has the distributed package (a pyenv or venv python may not).
const python = fs.existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-lens-dask-'));
const r = spawnSync(python, [path.join(__dirname, 'dask_stages.py'), path.join(root, 'dist', 'cli.js'), work, resultFile], { stdio: 'inherit', cwd: root });
fs.rmSync(work, { recursive: true, force: true });
process.exit(r.status ?? 1);
