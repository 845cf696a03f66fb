/**
 * The engine's on-disk cache: a second run over an unchanged corpus analyses nothing, a changed
 * article is analysed alone, another model never reads these results, and a damaged cache is
 * ignored and rewritten, never a crash.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/cli';
import { AnalysisEngine } from '../../src/engine/analysisEngine';
import { analyserVersion, defaultCacheDir, DiskCache } from '../../src/engine/diskCache';
import { modelId } from '../../src/node/models';
import { captureCli } from './captureCli';
import { SEEDS_DIR, seed, seedFiles } from './seeds';

const tmp = () => mkdtempSync(path.join(tmpdir(), 'corpus-lens-cache-'));
const version = analyserVersion(modelId());

function filesBelow(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((f) => path.join(dir, f))
    .filter((f) => statSync(f).isFile());
}

/** The seeds analysed by an engine on `cache`, `change` applied to the texts first; its layer's mentions and its stats. */
function run(cache: DiskCache | undefined, change: (name: string, text: string) => string = (_, t) => t) {
  const engine = new AnalysisEngine({ cache });
  for (const name of seedFiles()) {
    const result = engine.update({ uri: name, text: change(name, seed(name.slice(0, 3))), metadata: {}, pinnedEvent: null, annotations: [] });
    expect(result.ok).toBe(true);
  }
  const layer = engine.corpusLayer();
  return { mentions: layer.articles.map((a) => a.mentions), articles: engine.articles().map((a) => a.article), stats: engine.stats() };
}

describe('the on-disk cache', () => {
  it('analyses nothing again on a second run, and a changed article alone', () => {
    const dir = tmp();
    const first = run(new DiskCache({ dir, version }));
    expect(first.stats.computed).toEqual({ 'article@1': 5, 'entities@2': 5 });
    expect(first.stats.stored).toEqual({});
    const fresh = run(undefined);
    const second = run(new DiskCache({ dir, version }));
    expect(second.stats.computed).toEqual({});
    expect(second.stats.stored).toEqual({ 'article@1': 5, 'entities@2': 5 });
    // Results read back are the results computed: same mentions, same article structure.
    expect(second.mentions).toEqual(fresh.mentions);
    expect(second.articles).toEqual(fresh.articles);
    const changed = seedFiles()[2];
    // A sentence added to the body (after the first paragraph).
    const edit = (name: string, text: string) => (name === changed ? text.replace(/\n\s*\n/, '\n\nAngela Merkel met the envoy in Berlin on Monday, officials said.\n\n') : text);
    const third = run(new DiskCache({ dir, version }), edit);
    expect(third.stats.computed).toEqual({ 'article@1': 1, 'entities@2': 1 });
    expect(third.stats.stored).toEqual({ 'article@1': 4, 'entities@2': 4 });
    expect(third.mentions[2].some((m) => m.text === 'Angela Merkel')).toBe(true);
    expect(third.mentions).toEqual(run(undefined, edit).mentions);
    // No temporary file is left behind: every write was renamed into place.
    expect(filesBelow(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('keeps another model’s (or another build’s) results apart', () => {
    const dir = tmp();
    run(new DiskCache({ dir, version }));
    // Another model (--model DIR, a corpus model): its id is a hash of its bytes.
    const otherVersion = analyserVersion('0123456789abcdef');
    expect(otherVersion).not.toBe(version);
    expect(run(new DiskCache({ dir, version: otherVersion })).stats.computed).toEqual({ 'article@1': 5, 'entities@2': 5 });
    // Another build of the code is another version too.
    const code = path.join(dir, 'code.js');
    writeFileSync(code, 'one build');
    const built = analyserVersion(modelId(), [code]);
    writeFileSync(code, 'another build');
    expect(analyserVersion(modelId(), [code])).not.toBe(built);
  });

  it('ignores damaged and partial files, and rewrites them', () => {
    const dir = tmp();
    const cache = new DiskCache({ dir, version });
    const fresh = run(cache);
    const files = filesBelow(cache.root).filter((f) => f.endsWith('.entities@2.json'));
    expect(files).toHaveLength(5);
    const full = readFileSync(files[0], 'utf8');
    writeFileSync(files[0], full.slice(0, Math.floor(full.length / 2))); // cut off mid-write
    writeFileSync(files[1], Buffer.from([0, 159, 146, 150, 255])); // not text
    writeFileSync(files[2], JSON.stringify({ format: 'corpus-lens/cache@1', id: 'another text', key: 'entities@2', value: [] })); // someone else's
    writeFileSync(files[3], '');
    const again = run(new DiskCache({ dir, version }));
    expect(again.stats.computed).toEqual({ 'entities@2': 4 });
    expect(again.mentions).toEqual(fresh.mentions);
    for (const f of files.slice(0, 4)) expect(JSON.parse(readFileSync(f, 'utf8')).value.length).toBeGreaterThan(0);
    expect(run(new DiskCache({ dir, version })).stats.computed).toEqual({});
  });

  it('goes on without a cache it cannot write, saying so once', () => {
    const dir = tmp();
    const blocked = path.join(dir, 'a-file');
    writeFileSync(blocked, 'in the way');
    const problems: string[] = [];
    const result = run(new DiskCache({ dir: blocked, version, onProblem: (m) => problems.push(m) }));
    expect(result.mentions).toEqual(run(undefined).mentions);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('cannot be written');
  });

  it('lives in $XDG_CACHE_HOME/corpus-lens, else ~/.cache/corpus-lens', () => {
    expect(defaultCacheDir({ XDG_CACHE_HOME: '/var/cache/u' })).toBe(path.join('/var/cache/u', 'corpus-lens'));
    const home = defaultCacheDir({});
    expect(home.endsWith(path.join('.cache', 'corpus-lens'))).toBe(true);
    // XDG: a relative value is not a cache folder.
    expect(defaultCacheDir({ XDG_CACHE_HOME: 'relative' })).toBe(home);
  });
});

describe('--cache and --no-cache', () => {
  it('every analysing command accepts them; the output is the same cold, warm and without a cache', async () => {
    const dir = tmp();
    const outputs: string[] = [];
    for (const args of [['--cache', dir], ['--cache', dir], ['--no-cache']]) {
      const cli = captureCli();
      expect(await main(['entities', SEEDS_DIR, ...args], cli)).toBe(0);
      outputs.push(cli.stdout);
    }
    expect(outputs[1]).toBe(outputs[0]);
    expect(outputs[2]).toBe(outputs[0]);
    expect(filesBelow(dir).length).toBe(10);
    const untouched = tmp();
    const cli = captureCli();
    expect(await main(['quotes', SEEDS_DIR, '--no-cache', '--cache', untouched], cli)).toBe(0);
    expect(filesBelow(untouched)).toEqual([]);
    for (const command of ['analyze', 'ner', 'entities', 'boilerplate', 'quotes', 'compare', 'events', 'reuse', 'export']) {
      const help = captureCli();
      expect(await main([command, '--help'], help)).toBe(0);
      expect(help.stdout).toContain('--no-cache');
      expect(help.stdout).toContain('--cache DIR');
    }
  });
});
