/**
 * Worker-thread entry: analysis never runs on the extension host's thread. Requests queue here
 * and run one at a time; a newer request with the same key (an article's analysis) answers the
 * older one `cancelled` if it has not started, and so does a cancel notification. Every
 * exception is answered as the error it is, with its message and stack. The engine may run the
 * per-article stages on a pool of worker threads of its own (`corpusLens.analysis.workers`);
 * a request waiting for them is still the one running: the next starts after it is answered.
 */
import { parentPort, workerData } from 'worker_threads';
import { useModel } from '../node/models';
import { AnalysisEngine } from '../engine/analysisEngine';
import { openCache } from '../engine/diskCache';
import type { HostMessage, RequestMessage, ResponseMessage } from './analysisProtocol';
import { EngineRequests, editorWorkers } from './engineRequests';

// The corpus's own entity model, when it has one (Teach the Recogniser); else the built-in one.
const model = (workerData as { model?: string } | null)?.model;
if (model) {
  try {
    useModel(model);
  } catch (e) {
    console.error(`Corpus Lens: the corpus model could not be loaded (${(e as Error).message}); using the built-in model`);
  }
}
// Per-article results are kept in the workspace storage the host names (none without a workspace),
// under the version of the model just chosen.
const cacheDir = (workerData as { cacheDir?: string } | null)?.cacheDir;
const workers = editorWorkers((workerData as { workers?: number } | null)?.workers ?? 0);
const requests = new EngineRequests(new AnalysisEngine(cacheDir ? { cache: openCache(cacheDir), workers } : { workers }));
const queue: RequestMessage[] = [];
let scheduled = false;
let running = false;

const post = (message: ResponseMessage) => parentPort!.postMessage(message);

function drop(matches: (r: RequestMessage) => boolean): void {
  for (let i = queue.length - 1; i >= 0; i--) {
    if (!matches(queue[i])) continue;
    post({ kind: 'cancelled', id: queue[i].id });
    queue.splice(i, 1);
  }
}

async function pump(): Promise<void> {
  scheduled = false;
  const next = queue.shift();
  if (!next) return;
  running = true;
  try {
    post({ kind: 'response', id: next.id, result: await requests.handleAsync(next.method, next.params as never) });
  } catch (e) {
    const error = e instanceof Error ? e : new Error(String(e));
    post({ kind: 'error', id: next.id, error: { name: error.name, message: error.message, stack: error.stack } });
  } finally {
    running = false;
  }
  schedule();
}

/** One request per turn, so cancellations that arrive meanwhile are read before the next starts. */
function schedule(): void {
  if (scheduled || running || queue.length === 0) return;
  scheduled = true;
  setImmediate(() => void pump());
}

parentPort?.on('message', (message: HostMessage) => {
  if (message.kind === 'notification') {
    drop((r) => r.id === message.params.id);
    return;
  }
  if (message.key !== undefined) drop((r) => r.key === message.key);
  queue.push(message);
  schedule();
});
