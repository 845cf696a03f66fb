// Loaded by the extension host: runs every bundled *.test.js suite beside this file with mocha.
import * as fs from 'fs';
import Mocha from 'mocha';
import * as path from 'path';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000, reporter: 'spec' });
  const dir = __dirname;
  // CORPUS_LENS_SUITES=events,quotes runs only those suites (a developer's quick loop; CI runs all).
  const only = (process.env.CORPUS_LENS_SUITES ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  // The scale suites need their own generated workspace (run.js scale, scripts/measure-editor-scale.js): they run only when named.
  const chosen = (f: string) => (only.length === 0 && !f.startsWith('scale')) || only.some((name) => f.startsWith(`${name}.`));
  for (const f of fs.readdirSync(dir).filter((f) => f.endsWith('.test.js') && chosen(f)).sort()) mocha.addFile(path.join(dir, f));
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} integration test(s) failed.`)) : resolve()));
  });
}
