/**
 * Worker-thread entry of the stage pool (src/engine/stagePool.ts): runs the per-article stages
 * — the article's structure (`parseArticle`) and its recognised names (the entity stage) — for
 * the engine, exactly as the engine runs them in-process, and sends the results back. It holds
 * no corpus: whatever is built across articles is built once, by the engine that asked.
 */
import { parentPort, workerData } from 'worker_threads';
import { useModel, loadRecognizer } from '../node/models';
import { entityStage } from '../core/entities/stage';
import { runStages, type StageJob, type StageReply } from './stageJobs';

const model = (workerData as { model?: string } | null)?.model;
if (model) useModel(model);
const entities = entityStage(() => loadRecognizer());

parentPort?.on('message', (job: StageJob) => {
  let reply: StageReply;
  try {
    reply = { id: job.id, ok: true, ...runStages(job, entities) };
  } catch (e) {
    const error = e instanceof Error ? e : new Error(String(e));
    reply = { id: job.id, ok: false, message: error.message };
  }
  parentPort!.postMessage(reply);
});
