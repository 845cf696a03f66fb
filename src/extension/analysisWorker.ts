/** Worker-thread entry: analysis never runs on the extension host's thread. */
import { parentPort, workerData } from 'worker_threads';
import { useModel } from '../node/models';
import { AnalysisEngine } from '../engine/analysisEngine';
import { openCache } from '../engine/diskCache';
import type { AnalysisRequest } from './analysisProtocol';
import { handleRequest } from './engineRequests';

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
