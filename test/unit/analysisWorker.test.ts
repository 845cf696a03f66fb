/**
 * The analysis client and its worker over a real worker_threads Worker (the bundled worker
 * script, as the extension loads it): typed answers, the worker's own errors, a newer request
 * cancelling an older one for the same article, time-outs, and entity updates that carry only
 * what changed, each article with the text version it was found in.
 */
import { buildSync } from 'esbuild';
import * as path from 'path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AnalysisClient, AnalysisError, CancelledError, TimeoutError } from '../../src/extension/analysisClient';
import { AnalyzeRequest } from '../../src/extension/analysisProtocol';
import { seed } from './seeds';

// Two folders below the repository, as dist/ is one: the worker finds models/ from there.
const workerFile = path.join(__dirname, '..', '..', 'test-output', 'worker-test', 'analysisWorker.js');
const user = { metadata: {}, pinnedEvent: null, annotations: [] };
const clients: AnalysisClient[] = [];

function client(timeoutMs?: number): AnalysisClient {
  const c = new AnalysisClient('', () => undefined, { workerFile, timeoutMs, corpusTimeoutMs: timeoutMs });
  clients.push(c);
  return c;
}

beforeAll(() => {
  buildSync({ entryPoints: ['src/extension/analysisWorker.ts'], bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile: workerFile, logLevel: 'warning' });
});

afterAll(() => clients.forEach((c) => c.dispose()));

describe('the analysis worker protocol', () => {
  it('answers each request with its own result type', async () => {
    const c = client();
    const result = await c.analyze('file:///corpus/001.txt', 3, seed('001'), user);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.article.title).toBe("China's Xi says willing to put South Korea ties back on track");
    const events = await c.events(0.11, 90);
    expect(events.events.map((e) => e.articles)).toEqual([['file:///corpus/001.txt']]);
  });

  it("carries the worker's exception with its message and stack, and keeps working", async () => {
    const c = client();
    // A text that is not a string: the engine throws inside the worker.
    const failed = c.request(AnalyzeRequest, { uri: 'file:///corpus/x.txt', version: 1, text: undefined as unknown as string, ...user });
    const error = await failed.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AnalysisError);
    expect((error as Error).message).toMatch(/trim/);
    expect((error as Error).stack).toMatch(/analysisWorker\.js/);
    const after = await c.analyze('file:///corpus/002.txt', 1, seed('002'), user);
    expect(after.ok).toBe(true);
  });

  it('a newer analysis of the same article cancels the older one; other articles are untouched', async () => {
    const c = client();
    await c.analyze('file:///corpus/001.txt', 1, seed('001'), user);
    // The first entity layer loads the model and tags: the worker is busy while the rest queue.
    const busy = c.entities(-1);
    const older = c.analyze('file:///corpus/003.txt', 1, seed('003'), user);
    const other = c.analyze('file:///corpus/004.txt', 1, seed('004'), user);
    const newer = c.analyze('file:///corpus/003.txt', 2, seed('003') + '\nRain fell in Seoul on Monday.\n', user);
    await expect(older).rejects.toBeInstanceOf(CancelledError);
    expect((await newer).ok).toBe(true);
    expect((await other).ok).toBe(true);
    await busy;
    const update = await c.entities(-1);
    expect(update.articles['file:///corpus/003.txt']?.version).toBe(2);
    expect(update.articles['file:///corpus/004.txt']?.version).toBe(1);
  });

  it('a request that is not answered in time fails with a time-out, and later ones are answered', async () => {
    const slow = client(30);
    await expect(slow.entities(-1)).rejects.toBeInstanceOf(TimeoutError);
    const c = client();
    expect((await c.analyze('file:///corpus/000.txt', null, seed('000'), user)).ok).toBe(true);
  });

  it('entity updates carry only the articles that changed, with their text version', async () => {
    const c = client();
    await c.analyze('file:///corpus/001.txt', 1, seed('001'), user);
    await c.analyze('file:///corpus/002.txt', null, seed('002'), user);
    const first = await c.entities(-1);
    expect(first.since).toBe(-1);
    expect(Object.keys(first.articles).sort()).toEqual(['file:///corpus/001.txt', 'file:///corpus/002.txt']);
    expect(first.articles['file:///corpus/002.txt']?.version).toBeNull();
    expect(first.entities.length).toBeGreaterThan(5);
    const xi = first.articles['file:///corpus/001.txt']!.mentions.find((m) => m.text === 'Xi Jinping');
    expect(xi && seed('001').slice(xi.start, xi.end)).toBe('Xi Jinping');

    // Nothing changed: nothing is sent.
    const same = await c.entities(first.generation);
    expect(same).toMatchObject({ since: first.generation, generation: first.generation, entities: [], removedEntities: [], articles: {} });

    // A sentence typed into 001 (version 2): 001 comes back, 002's mentions are not resent.
    await c.analyze('file:///corpus/001.txt', 2, seed('001').replace('\n', '\nRain fell in Seoul on Monday.\n'), user);
    const typed = await c.entities(first.generation);
    expect(typed.since).toBe(first.generation);
    expect(Object.keys(typed.articles)).toEqual(['file:///corpus/001.txt']);
    expect(typed.articles['file:///corpus/001.txt']?.version).toBe(2);
    expect(typed.entities.length).toBeLessThan(first.entities.length);

    // A host that lost track (another generation) gets the whole layer again.
    const whole = await c.entities(12345);
    expect(whole.since).toBe(-1);
    expect(Object.keys(whole.articles).sort()).toEqual(['file:///corpus/001.txt', 'file:///corpus/002.txt']);

    await c.remove('file:///corpus/002.txt');
    const removed = await c.entities(whole.generation);
    expect(removed.articles['file:///corpus/002.txt']).toBeNull();
  });
});
