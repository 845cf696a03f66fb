/** Worker-thread entry: analysis never runs on the extension host's thread. */
import { parentPort } from 'worker_threads';
import { AnalysisEngine } from '../engine/analysisEngine';
import type { AnalysisRequest } from './analysisProtocol';
import { handleRequest } from './engineRequests';

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
