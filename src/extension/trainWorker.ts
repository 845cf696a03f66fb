/** Worker-thread entry for Teach the Recogniser: training never runs on the extension host's thread. */
import { parentPort, workerData } from 'worker_threads';
import { trainFromCorpus } from '../node/trainCorpus';

const { from, out, base } = workerData as { from: string; out: string; base?: string };
trainFromCorpus({ from, out, ...(base ? { base } : {}), log: (message) => parentPort?.postMessage({ type: 'progress', message }) }).then(
  (result) => parentPort?.postMessage({ type: 'done', result }),
  (e: Error) => parentPort?.postMessage({ type: 'error', message: e.message }),
);
