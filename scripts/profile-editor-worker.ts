/**
 * The editor's indexing without VS Code: the extension's AnalysisClient and the real analysis
 * worker bundle (dist/analysisWorker.js), fed a corpus folder's files with 64 in flight as the
 * extension's indexing does (read, decode, sidecar, analyse), then the entity layer, events and
 * shared passages. Timed per phase; under `node --cpu-prof` each thread writes its profile.
 * Point it at a cache folder the same worker bundle filled (the extension's workspace storage
 * `…/analysis-cache`) for a warm start.
 *   esbuild scripts/profile-editor-worker.ts --bundle --platform=node --outfile=dist/profile-editor-worker.js
 *   node dist/profile-editor-worker.js FOLDER CACHE-DIR [DIST-FOLDER]
 */
import * as fs from 'fs';
import * as path from 'path';
import { AnalysisClient } from '../src/extension/analysisClient';
import { decodeArticleBytes } from '../src/core/text';
import { readSidecar } from '../src/node/files';

async function main(): Promise<void> {
  const [folder, cacheDir, dist = __dirname] = process.argv.slice(2);
  const files = fs
    .readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => path.join(folder, f));
  // The client unrefs its worker (the extension host lives on regardless): this process must wait for it.
  const keepAlive = setInterval(() => undefined, 1000);
  const started = performance.now();
  const client = new AnalysisClient(dist, (m) => console.error(m), { cacheDir, workers: 0 });
  const phases: Record<string, number> = { read: 0, analyse: 0 };
  let next = 0;
  const reader = async () => {
    while (next < files.length) {
      const file = files[next++];
      let t = performance.now();
      const bytes = await fs.promises.readFile(file);
      const decoded = decodeArticleBytes(bytes);
      const sidecar = await readSidecar(folder, file);
      phases.read += performance.now() - t;
      t = performance.now();
      await client.analyze(`file://${file}`, null, decoded.ok ? decoded.text : '', { metadata: sidecar.ok ? sidecar.sidecar.metadata : {}, pinnedEvent: null, annotations: [] });
      phases.analyse += performance.now() - t;
    }
  };
  await Promise.all(Array.from({ length: 64 }, reader));
  const indexed = performance.now() - started;
  let t = performance.now();
  const update = await client.entities(-1);
  const entitiesMs = performance.now() - t;
  t = performance.now();
  const events = await client.events(0.11, 90);
  const eventsMs = performance.now() - t;
  t = performance.now();
  const reuse = await client.reuse();
  const reuseMs = performance.now() - t;
  const s = (ms: number) => +(ms / 1000).toFixed(2);
  console.log(
    JSON.stringify({
      articles: files.length,
      indexedS: s(indexed),
      readyS: s(performance.now() - started),
      // Summed over the 64 in flight: waiting included.
      inFlightSumS: { read: s(phases.read), analyse: s(phases.analyse) },
      entitiesS: s(entitiesMs),
      eventsS: s(eventsMs),
      reuseS: s(reuseMs),
      entities: update.entities.length,
      events: events.events.length,
      reuseArticles: Object.keys(reuse.articles).length,
      maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    }),
  );
  client.dispose();
  clearInterval(keepAlive);
  setTimeout(() => process.exit(0), 500);
}

void main();
