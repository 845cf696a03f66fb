/** Worker-thread entry: analysis never runs on the extension host's thread. */
import { parentPort, workerData } from 'worker_threads';
import { AnalysisEngine } from '../engine/analysisEngine';
import { openCache } from '../engine/diskCache';
import type { AnalysisRequest } from './analysisProtocol';
import { handleRequest } from './engineRequests';

// Per-article results are kept in the workspace storage the host names (none without a workspace).
const cacheDir = (workerData as { cacheDir?: string } | null)?.cacheDir;
const engine = new AnalysisEngine(cacheDir ? { cache: openCache(cacheDir) } : {});
parentPort?.on('message', (request: AnalysisRequest) => {
  try {
    parentPort!.postMessage(handleRequest(engine, request));
  } catch (e) {
    parentPort!.postMessage({
      type: 'done',
      id: request.id,
      uri: 'uri' in request ? request.uri : 'to' in request ? request.to : '',
      result: { ok: false, message: `Analysis failed: ${(e as Error).message}` },
    });
  }
});
