/**
 * The editor's analysis worker without the editor: the same engine and requests, fed the files
 * of a corpus folder one by one as the extension's indexing feeds them (batches of 16, the
 * entity layer asked for between batches as the throttled refresh would), then the entity
 * layer, events and shared passages, each phase timed. Run twice on one cache folder it gives
 * a cold and a warm start in seconds rather than code-server's minutes; with `node --cpu-prof`
 * it tells where a phase's time goes.
 *   esbuild scripts/profile-editor-engine.ts --bundle --platform=node --outfile=dist/profile-editor-engine.js
 *   node dist/profile-editor-engine.js FOLDER CACHE-DIR [--no-refresh]
 * CORPUS_LENS_CACHE_VERSION=V reads the cache folder V (a cache an earlier build wrote) while the
 * engine's code changes elsewhere than in the per-article stages; --no-refresh asks for no
 * layer while indexing (as the editor now does).
 */
import * as fs from 'fs';
import * as path from 'path';
import { AnalysisEngine } from '../src/engine/analysisEngine';
import { DiskCache, openCache } from '../src/engine/diskCache';
import { EngineRequests, editorWorkers } from '../src/extension/engineRequests';
import { decodeArticleBytes } from '../src/core/text';
import { readSidecar } from '../src/node/files';

async function main(): Promise<void> {
  const [folder, cacheDir] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  const refreshWhileIndexing = !process.argv.includes('--no-refresh');
  const files = fs
    .readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => path.join(folder, f));
  const times: Record<string, number> = {};
  const timed = async <T>(name: string, run: () => T | Promise<T>): Promise<T> => {
    const t = performance.now();
    const value = await run();
    times[name] = (times[name] ?? 0) + performance.now() - t;
    return value;
  };
  const started = performance.now();
  const requests = new EngineRequests(new AnalysisEngine({ cache: process.env.CORPUS_LENS_CACHE_VERSION ? new DiskCache({ dir: cacheDir, version: process.env.CORPUS_LENS_CACHE_VERSION }) : openCache(cacheDir), workers: { ...editorWorkers(0), workerFile: path.join(__dirname, 'stageWorker.js') } }));
  let since = 0;
  let lastRefresh = 0;
  let refreshMillis = 0;
  for (let i = 0; i < files.length; i += 16) {
    const batch = files.slice(i, i + 16);
    const read = await timed('read files and sidecars', () =>
      Promise.all(
        batch.map(async (file) => {
          const bytes = await fs.promises.readFile(file);
          const decoded = decodeArticleBytes(bytes);
          const sidecar = await readSidecar(folder, file);
          return { file, text: decoded.ok ? decoded.text : '', sidecar };
        }),
      ),
    );
    await timed('analyze requests', async () => {
      for (const r of read) {
        const metadata = r.sidecar.ok ? r.sidecar.sidecar.metadata : {};
        // What crosses the worker boundary is a structured clone.
        const params = structuredClone({ uri: `file://${r.file}`, version: null, text: r.text, metadata, pinnedEvent: null, annotations: [] });
        await requests.handleAsync('analyze', params);
      }
    });
    // The host's Refresher: a refresh that took d runs again no sooner than 3·d after the last.
    const now = performance.now();
    if (refreshWhileIndexing && now - lastRefresh > 3 * refreshMillis + 150) {
      const t = performance.now();
      const update = await timed('entity refreshes while indexing', () => requests.handleAsync('entities', { since }));
      since = update.generation;
      refreshMillis = performance.now() - t;
      lastRefresh = performance.now();
    }
  }
  const indexed = performance.now() - started;
  // The heap after each phase, collected first when run with --expose-gc: what the worker holds.
  const heapMb: Record<string, number> = {};
  const heap = (phase: string) => {
    (globalThis as { gc?: () => void }).gc?.();
    heapMb[phase] = Math.round(process.memoryUsage().heapUsed / 1048576);
  };
  heap('indexed');
  const update = await timed('entities', () => requests.handleAsync('entities', { since }));
  heap('entities');
  const events = await timed('events', () => requests.handleAsync('events', { threshold: 0.11, maxGapDays: 90 }));
  heap('events');
  const reuse = await timed('reuse', () => requests.handleAsync('reuse', {}));
  heap('reuse');
  const ready = performance.now() - started;
  const rss = Math.round(process.resourceUsage().maxRSS / 1024);
  const s = (ms: number) => (ms / 1000).toFixed(2);
  console.log(
    JSON.stringify({
      articles: files.length,
      indexedS: s(indexed),
      readyS: s(ready),
      phasesS: Object.fromEntries(Object.entries(times).map(([k, v]) => [k, s(v)])),
      entities: update.entities.length,
      events: events.events.length,
      reuseArticles: Object.keys(reuse.articles).length,
      maxRssMb: rss,
      heapMb,
    }),
  );
  process.exit(0);
}

void main();
