/** Worker-thread entry: analysis never runs on the extension host's thread. */
import { parentPort, workerData } from 'worker_threads';
import { useModel } from '../node/models';
import { AnalysisEngine } from '../engine/analysisEngine';
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
const engine = new AnalysisEngine();
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
