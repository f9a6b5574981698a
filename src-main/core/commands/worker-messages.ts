import type { CheckedRun } from './checked-run';
import type { CommandLimits } from './limits';
import type { CommandScope } from './runtime';

/** What a command worker is started with. */
export interface WorkerSetup {
  limits: CommandLimits;
}

/** Main thread → worker: run one command. */
export interface RunJob {
  id: number;
  body: string;
  scope: CommandScope;
}

/** Worker → main thread. `heapBytes`: how far its WASM heap has grown (it never shrinks). */
export type WorkerMessage =
  | { type: 'ready'; heapBytes: number }
  | { type: 'result'; id: number; result: CheckedRun; heapBytes: number };
