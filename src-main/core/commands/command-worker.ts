// A worker thread that runs commands, one at a time, in its own QuickJS
// (WASM) engine. The pool terminates it when a command overruns its wall
// time or its heap has grown, which is how that memory goes back.
import { parentPort, workerData } from 'node:worker_threads';
import { checkRun } from './checked-run';
import { heapBytes, runCommand, warmUp } from './runtime';
import type { RunJob, WorkerMessage, WorkerSetup } from './worker-messages';

const port = parentPort;
if (!port) throw new Error('command-worker runs as a worker thread.');
const { limits } = workerData as WorkerSetup;
const post = (message: WorkerMessage) => port.postMessage(message);

await warmUp();
port.on('message', (job: RunJob) => {
  runCommand(job.body, job.scope, limits)
    .then((run) => post({ type: 'result', id: job.id, result: checkRun(run), heapBytes: heapBytes() }))
    .catch((error: unknown) =>
      post({
        type: 'result',
        id: job.id,
        result: { ok: false, reason: `The command runtime failed: ${String(error)}`.slice(0, 500), logs: [] },
        heapBytes: heapBytes(),
      }),
    );
});
post({ type: 'ready', heapBytes: heapBytes() });
