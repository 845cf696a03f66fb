/**
 * Both cores (#16): the per-article stages on a pool of worker threads give exactly what one
 * thread gives — every layer built from them (entities with their ids, quotes, events, the
 * export, the articles' structure) — on the seeds and on PolNeAR articles; the editor's engine
 * the same; the CLI's `--jobs` output byte for byte; and a pool that cannot start changes
 * nothing but the speed. The workers are real worker threads running the bundled worker script.
 */
import { spawnSync } from 'child_process';
import { buildSync } from 'esbuild';
import { mkdtempSync, readdirSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CLUSTER_OPTIONS } from '../../src/core/events/cluster';
import { resolvedType } from '../../src/core/entities/resolve';
import { articleToJson } from '../../src/core/articleSummary';
import { AnalysisEngine, AUTO_POOL_MIN_CHARS } from '../../src/engine/analysisEngine';
import { EngineRequests } from '../../src/extension/engineRequests';
import { DiskCache } from '../../src/engine/diskCache';
import { loadArticles, type LoadedArticle } from '../../src/engine/loadArticles';
import { corpusEngine, corpusEngineOnWorkers } from '../../src/engine/pipeline';
import { SEEDS_DIR } from './seeds';

// Two folders below the repository, as dist/ is one: the bundles find models/ from there.
const OUT = path.join(__dirname, '..', '..', 'test-output', 'worker-pool');
const workerFile = path.join(OUT, 'stageWorker.js');
const cliFile = path.join(OUT, 'cli.js');
const POLNEAR = path.join(__dirname, '..', '..', '..', 'shared', 'eval', 'quotes', 'polnear-dev', 'text');
const quiet = { warn: () => undefined };

beforeAll(() => {
  const common = { bundle: true, platform: 'node', format: 'cjs', target: 'node20', supported: { 'regexp-unicode-property-escapes': true }, logLevel: 'warning' } as const;
  buildSync({ ...common, entryPoints: { stageWorker: 'src/engine/stageWorker.ts', cli: 'src/cli/cli.ts' }, outdir: OUT });
}, 60_000);

/** Everything the commands print, as data: per article its structure, names (with entity ids) and quotes; the events; an export. */
function everything(engine: AnalysisEngine) {
  const layer = engine.corpusLayer();
  return {
    articles: engine.articles().map((a) => articleToJson(a.uri, a.article)),
    entities: layer.articles.map((a) => a.mentions.map((m, i) => {
      const e = layer.resolution.entityFor(a.id, i);
      return { start: m.start, end: m.end, text: m.text, type: resolvedType(m, e), id: e?.id ?? null, margin: m.margin };
    })),
    quotes: layer.articles.map((_, k) => layer.quotes(k)),
    events: engine.events(DEFAULT_CLUSTER_OPTIONS.threshold, DEFAULT_CLUSTER_OPTIONS.maxGapDays).events,
    export: engine.exportFiles('jsonl').files,
  };
}

async function sample(): Promise<{ seeds: LoadedArticle[]; polnear: LoadedArticle[] }> {
  const seeds = await loadArticles(quiet, [SEEDS_DIR]);
  const files = readdirSync(POLNEAR).filter((f) => f.endsWith('.txt')).sort().slice(0, 24).map((f) => path.join(POLNEAR, f));
  return { seeds, polnear: await loadArticles(quiet, files) };
}

describe('the stage pool: results identical to one worker', () => {
  it('on the seeds and on 24 PolNeAR articles, with 2 workers as with one thread (the CLI path)', async () => {
    const { seeds, polnear } = await sample();
    expect(seeds.length).toBeGreaterThanOrEqual(5);
    for (const loaded of [seeds, polnear]) {
      const one = corpusEngine(loaded, quiet);
      const two = await corpusEngineOnWorkers(loaded, quiet, { workers: { count: 2, workerFile } });
      const jobs = two.workerJobs();
      // Both workers took articles, and between them every article.
      expect(jobs).toHaveLength(2);
      expect(jobs.every((n) => n > 0)).toBe(true);
      expect(jobs[0] + jobs[1]).toBe(new Set(loaded.map((l) => l.text)).size);
      const a = everything(one);
      const b = everything(two);
      // Each result computed once (on a worker for `two`), nothing again on this thread.
      expect(two.stats().computed).toEqual(one.stats().computed);
      expect(b.entities.flat().length).toBeGreaterThan(loaded.length * 5);
      expect(b).toEqual(a);
      expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    }
  }, 120_000);

  it("the editor's engine: articles added one by one, their names computed on the pool before the layers", async () => {
    const { polnear } = await sample();
    const plain = new AnalysisEngine();
    const pooled = new AnalysisEngine({ workers: { count: 2, workerFile } });
    for (const engine of [plain, pooled]) {
      for (const l of polnear) expect(engine.analyze({ uri: `file://${l.file}`, text: l.text, metadata: l.metadata, pinnedEvent: null, annotations: [] }).ok).toBe(true);
    }
    await pooled.prepare();
    expect(pooled.workerJobs().reduce((n, k) => n + k, 0)).toBe(polnear.length);
    const strip = (s: ReturnType<AnalysisEngine['entitySnapshot']>) => ({ ...s, millis: 0, generation: 0 });
    expect(strip(pooled.entitySnapshot())).toEqual(strip(plain.entitySnapshot()));
    // Once known, nothing is sent again.
    await pooled.prepare();
    expect(pooled.workerJobs().reduce((n, k) => n + k, 0)).toBe(polnear.length);
    pooled.dispose();
  }, 120_000);

  it("the editor's indexing: names are computed on the pool while the corpus is read, a pool's worth of text at a time, not all in the first layer request", async () => {
    const files = readdirSync(POLNEAR).filter((f) => f.endsWith('.txt')).sort().map((f) => path.join(POLNEAR, f));
    const loaded = await loadArticles(quiet, files);
    const engine = new AnalysisEngine({ workers: { count: 2, workerFile, auto: true } });
    const requests = new EngineRequests(engine);
    let chars = 0;
    let namedWhileReading = 0;
    for (const l of loaded) {
      await requests.handleAsync('analyze', { uri: `file://${l.file}`, version: null, text: l.text, metadata: l.metadata, pinnedEvent: null, annotations: [] });
      chars += l.text.length;
      const named = engine.workerJobs().reduce((n, k) => n + k, 0);
      // Never more than a pool's worth of text waits for its names.
      if (named === 0) expect(chars).toBeLessThan(AUTO_POOL_MIN_CHARS + l.text.length);
      namedWhileReading = named;
    }
    expect(chars).toBeGreaterThan(2 * AUTO_POOL_MIN_CHARS);
    expect(namedWhileReading).toBeGreaterThan(loaded.length / 2);
    const update = await requests.handleAsync('entities', { since: 0 });
    const plain = new AnalysisEngine();
    for (const l of loaded) plain.analyze({ uri: `file://${l.file}`, text: l.text, metadata: l.metadata, pinnedEvent: null, annotations: [] });
    const strip = (s: ReturnType<AnalysisEngine['entitySnapshot']>) => ({ ...s, millis: 0, generation: 0 });
    expect(strip(engine.entitySnapshot())).toEqual(strip(plain.entitySnapshot()));
    expect(update.entities.length).toBe(plain.entitySnapshot().entities.length);
    engine.dispose();
  }, 180_000);

  it('a pool whose workers cannot start leaves the work to this thread, with the same results', async () => {
    const { seeds } = await sample();
    const broken = await corpusEngineOnWorkers(seeds, quiet, { workers: { count: 2, workerFile: path.join(OUT, 'no-such-worker.js') } });
    expect(broken.workerJobs().reduce((n, k) => n + k, 0)).toBe(0);
    expect(everything(broken)).toEqual(everything(corpusEngine(seeds, quiet)));
  }, 60_000);

  it('with the on-disk cache: the workers\' results are stored, and a second run sends the workers nothing', async () => {
    const { polnear } = await sample();
    const dir = mkdtempSync(path.join(tmpdir(), 'corpus-lens-pool-cache-'));
    const cache = () => new DiskCache({ dir, version: 'test' });
    const first = await corpusEngineOnWorkers(polnear, quiet, { cache: cache(), workers: { count: 2, workerFile } });
    expect(first.workerJobs().reduce((n, k) => n + k, 0)).toBe(polnear.length);
    const second = await corpusEngineOnWorkers(polnear, quiet, { cache: cache(), workers: { count: 2, workerFile } });
    expect(second.workerJobs()).toEqual([]);
    expect(second.stats().computed).toEqual({});
    expect(everything(second)).toEqual(everything(first));
  }, 120_000);

  it('small work under the default (one per core) stays on this thread', async () => {
    const { seeds } = await sample();
    const engine = await corpusEngineOnWorkers(seeds, quiet, { workers: { count: 2, auto: true, workerFile } });
    expect(engine.workerJobs()).toEqual([]);
  });
});

describe('corpus-lens --jobs N', () => {
  const run = (...args: string[]) => spawnSync(process.execPath, [cliFile, ...args], { encoding: 'utf8', cwd: path.join(__dirname, '..', '..') });

  it('prints the same bytes with 1 and 2 jobs, nothing on stderr', () => {
    for (const command of [['entities'], ['quotes'], ['compare', '--json']]) {
      const args = command[0] === 'compare' ? readdirSync(SEEDS_DIR).filter((f) => f.endsWith('.txt')).map((f) => path.join(SEEDS_DIR, f)) : [SEEDS_DIR];
      const one = run(...command, '--no-cache', '--jobs', '1', ...args);
      const two = run(...command, '--no-cache', '--jobs', '2', ...args);
      expect(one.status).toBe(0);
      expect(two.status).toBe(0);
      expect(one.stdout.length).toBeGreaterThan(100);
      expect(two.stdout).toBe(one.stdout);
      expect(two.stderr).toBe('');
    }
  }, 120_000);

  it('refuses a count that is not a whole number of at least 1 (exit 2, naming the option)', () => {
    for (const bad of ['0', '1.5', 'two']) {
      const r = run('entities', '--jobs', bad, SEEDS_DIR);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/--jobs/);
      expect(r.stdout).toBe('');
    }
  });
});
