// A worker thread that runs commands, one at a time, in its own QuickJS
// (WASM) engine. The pool terminates it when a command overruns its wall
// time or its heap has grown, which is how that memory goes back.
import { parentPort, workerData } from 'node:worker_threads';
import { type CheckedRun, checkRun } from './checked-run';
import { heapBytes, runCommand, warmUp } from './runtime';
import type { RunJob, WorkerMessage, WorkerSetup } from './worker-messages';

const port = parentPort;
if (!port) throw new Error('command-worker runs as a worker thread.');
const { limits } = workerData as WorkerSetup;
const post = (message: WorkerMessage) => port.postMessage(message);

async function answer(job: RunJob): Promise<void> {
  let result: CheckedRun;
  try {
    result = checkRun(await runCommand(job.body, job.scope, limits));
  } catch (error) {
    result = { ok: false, reason: `The command runtime failed: ${String(error)}`.slice(0, 500), logs: [] };
  }
  post({ type: 'result', id: job.id, result, heapBytes: heapBytes() });
}

await warmUp();
port.on('message', (job: RunJob) => {
  // Not even the answer could be posted: end this thread; the pool answers the hit and starts another.
  answer(job).catch(() => process.exit(1));
});
post({ type: 'ready', heapBytes: heapBytes() });
