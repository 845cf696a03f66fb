/**
 * The engine's on-disk cache: a second run over an unchanged corpus analyses nothing, a changed
 * article is analysed alone, another model never reads these results, and a damaged cache is
 * ignored and rewritten, never a crash.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { createHash } from 'crypto';
import * as path from 'path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/cli';
import { AnalysisEngine } from '../../src/engine/analysisEngine';
import { analyserVersion, defaultCacheDir, DiskCache } from '../../src/engine/diskCache';
import { modelId } from '../../src/node/models';
import { makeAnchor } from '../../src/core/annotations/anchor';
import type { UserAnnotation } from '../../src/core/annotations/annotations';
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

  it('names a model by its bytes without loading it', () => {
    const other = path.join(tmp(), 'ner.json.gz');
    writeFileSync(other, 'another model');
    // Not a model at all: loading it would throw, naming it does not.
    expect(modelId(other)).not.toBe(modelId());
    expect(modelId(other)).toBe(createHash('sha256').update('another model').digest('hex').slice(0, 16));
  });

  it('lives in $XDG_CACHE_HOME/corpus-lens, else ~/.cache/corpus-lens', () => {
    expect(defaultCacheDir({ XDG_CACHE_HOME: '/var/cache/u' })).toBe(path.join('/var/cache/u', 'corpus-lens'));
    const home = defaultCacheDir({});
    expect(home.endsWith(path.join('.cache', 'corpus-lens'))).toBe(true);
    // XDG: a relative value is not a cache folder.
    expect(defaultCacheDir({ XDG_CACHE_HOME: 'relative' })).toBe(home);
  });
});

interface EditorInputs {
  change?: (name: string, text: string) => string;
  annotations?: (name: string, text: string) => UserAnnotation[];
  pins?: Record<string, string>;
}

/** The seeds as the editor's worker holds them, on `cache`: the three corpus-wide layers, and what was read or computed per article. */
function layers(cache: DiskCache | undefined, inputs: EditorInputs = {}) {
  const engine = new AnalysisEngine({ cache });
  for (const name of seedFiles()) {
    const text = (inputs.change ?? ((_, t) => t))(name, seed(name.slice(0, 3)));
    engine.update({ uri: name, text, metadata: {}, pinnedEvent: inputs.pins?.[name] ?? null, annotations: inputs.annotations?.(name, text) ?? [] });
  }
  const { entities, mentions, quotes } = engine.entitySnapshot();
  const events = engine.events(0.11, 90).events;
  const reuse = engine.reuse().articles;
  return { entities, mentions, quotes, events, reuse, stats: engine.stats() };
}

const same = (x: ReturnType<typeof layers>) => ({ entities: x.entities, mentions: x.mentions, quotes: x.quotes, events: x.events, reuse: x.reuse });

describe('the on-disk cache of the corpus-wide layers', () => {
  it('gives an unchanged corpus its entities, events and shared passages without reading a mention, and recomputes them when an article, an annotation or a pin changes', () => {
    const dir = tmp();
    const cold = layers(new DiskCache({ dir, version }));
    expect(cold.entities.length).toBeGreaterThan(10);
    expect(cold.events.length).toBeGreaterThan(0);
    const warm = layers(new DiskCache({ dir, version }));
    expect(same(warm)).toEqual(same(cold));
    // Nothing per article was computed, and the recognised names were never read: the layers came whole.
    expect(warm.stats.computed).toEqual({});
    expect(warm.stats.stored).toEqual({ 'article@1': 5 });
    expect(same(warm)).toEqual(same(layers(undefined)));

    // One article changed: every layer is what a fresh engine computes for the new corpus.
    const changed = seedFiles()[2];
    const edit = (name: string, text: string) => (name === changed ? text.replace(/\n\s*\n/, '\n\nAngela Merkel met the envoy in Berlin on Monday, officials said.\n\n') : text);
    const edited = layers(new DiskCache({ dir, version }), { change: edit });
    expect(edited.stats.stored['entities@2']).toBe(4);
    expect(edited.mentions[changed].some((m) => m.text === 'Angela Merkel')).toBe(true);
    expect(edited.mentions[changed]).not.toEqual(cold.mentions[changed]);
    expect(same(edited)).toEqual(same(layers(undefined, { change: edit })));
    // Back to the first texts: the layers are computed again (one state is kept per layer), and right.
    const back = layers(new DiskCache({ dir, version }));
    expect(back.stats.stored['entities@2']).toBe(5);
    expect(same(back)).toEqual(same(cold));
    expect(filesBelow(path.join(dir, version, 'layers')).map((f) => path.basename(f).split('.')[0]).sort()).toEqual(['entities', 'events', 'reuse']);

    // The user's annotation (a name the recogniser missed) changes the entity layer, not the text.
    const marked = seedFiles()[0];
    const annotate = (name: string, text: string): UserAnnotation[] => {
      if (name !== marked) return [];
      const at = text.indexOf('\n\n') + 2;
      const end = text.indexOf(' ', at + 1);
      return [{ id: 'a1', kind: 'entity', type: 'ORG', name: null, anchor: makeAnchor(text, at, end) }];
    };
    const annotated = layers(new DiskCache({ dir, version }), { annotations: annotate });
    expect(annotated.stats.stored['entities@2']).toBe(5);
    expect(same(annotated)).toEqual(same(layers(undefined, { annotations: annotate })));
    expect(annotated.mentions[marked]).not.toEqual(cold.mentions[marked]);

    // A pin changes the events alone.
    const pins = { [seedFiles()[4]]: 'Pinned by the user' };
    const pinned = layers(new DiskCache({ dir, version }), { pins });
    expect(pinned.events).toEqual(layers(undefined, { pins }).events);
    expect(pinned.events.some((e) => e.pinned && e.name === 'Pinned by the user')).toBe(true);
    expect(pinned.entities).toEqual(cold.entities);
  });

  it('ignores a damaged layer file and computes the layer again', () => {
    const dir = tmp();
    const cold = layers(new DiskCache({ dir, version }));
    const files = filesBelow(path.join(dir, version, 'layers'));
    expect(files).toHaveLength(3);
    for (const f of files) writeFileSync(f, readFileSync(f, 'utf8').slice(0, 100));
    const again = layers(new DiskCache({ dir, version }));
    expect(same(again)).toEqual(same(cold));
    expect(again.stats.stored['entities@2']).toBe(5);
    // Rewritten whole: the next start reads them.
    expect(layers(new DiskCache({ dir, version })).stats.stored).toEqual({ 'article@1': 5 });
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
    // `events FOLDER` groups the corpus as the editor does: its events are kept whole, and read back the same.
    const grouped: string[] = [];
    for (const args of [['--cache', dir], ['--cache', dir], ['--no-cache']]) {
      const cli = captureCli();
      expect(await main(['events', SEEDS_DIR, ...args], cli)).toBe(0);
      grouped.push(cli.stdout);
    }
    expect(grouped[0]).toContain('"event"');
    expect(grouped[1]).toBe(grouped[0]);
    expect(grouped[2]).toBe(grouped[0]);
    expect(filesBelow(dir).filter((f) => path.basename(f).startsWith('events.'))).toHaveLength(1);
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
