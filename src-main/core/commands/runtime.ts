import {
  newQuickJSWASMModuleFromVariant,
  newVariant,
  type QuickJSContext,
  type QuickJSRuntime,
  type QuickJSWASMModule,
  RELEASE_SYNC,
  shouldInterruptAfterDeadline,
} from 'quickjs-emscripten';
import { type CommandLimits, DEFAULT_LIMITS, memoryLimitReason, timeoutReason } from './limits';
import { LOGS_GLOBAL, MAX_LOG_CHARS, MAX_LOG_LINES, PRELUDE } from './prelude';
import { readRecord } from './record-shape';

export interface CommandScope {
  user: unknown;
  chat: unknown;
  options: unknown;
  params: Record<string, string>;
  request: unknown;
}

export interface ResponseRecord {
  status: unknown;
  headers: Record<string, string>;
  /** null when the command never called send/json/text/html/redirect. */
  kind: 'send' | 'json' | 'text' | 'html' | 'redirect' | null;
  body: unknown;
}

export type RunResult =
  | { ok: true; response: ResponseRecord; logs: string[]; outbox: unknown[] }
  | { ok: false; reason: string; logs: string[] };

const MiB = 1024 * 1024;
const PAGE = 64 * 1024;
/** Emscripten's default first size of the heap: the engine's own data and stack, and room to start. */
const INITIAL_HEAP_BYTES = 16 * MiB;
/**
 * The most this thread's WebAssembly heap may ever grow to: the engine plus
 * the default 32 MiB for a command. It is what really bounds a command's
 * memory: this QuickJS build has no malloc_usable_size, so its own limit
 * catches only single large allocations (a loop of 1 MB strings grew one
 * run to 2 GB in 7–17 s). Past the cap, malloc fails inside QuickJS and the
 * command gets "out of memory".
 */
export const HEAP_CAP_BYTES = INITIAL_HEAP_BYTES + DEFAULT_LIMITS.memoryBytes;

let memory: WebAssembly.Memory | undefined;
let module: Promise<QuickJSWASMModule> | undefined;
const quickjs = () => {
  if (!module) {
    const heap = new WebAssembly.Memory({
      initial: INITIAL_HEAP_BYTES / PAGE,
      maximum: HEAP_CAP_BYTES / PAGE,
    });
    memory = heap;
    module = newQuickJSWASMModuleFromVariant(newVariant(RELEASE_SYNC, { wasmMemory: heap }));
  }
  return module;
};

/** Loads the WASM engine ahead of the first run, so the first run is not slower. */
export const warmUp = (): Promise<unknown> => quickjs();

/** How far this thread's WASM heap has grown: it never shrinks, so a grown heap is a reason to retire a worker. */
export const heapBytes = (): number => memory?.buffer.byteLength ?? 0;

/**
 * Runs a command body in a fresh QuickJS (WASM) runtime with a CPU-time and a
 * memory limit. Nothing of the host is reachable inside: no process, no
 * require, no host objects; values go in as JSON and come out as JSON.
 */
export async function runCommand(
  body: string,
  scope: CommandScope,
  limits = DEFAULT_LIMITS,
): Promise<RunResult> {
  const engine = await quickjs();
  const heapBefore = heapBytes();
  const runtime = engine.newRuntime();
  runtime.setMemoryLimit(limits.memoryBytes);
  runtime.setMaxStackSize(512 * 1024);
  runtime.setInterruptHandler(shouldInterruptAfterDeadline(Date.now() + limits.cpuMs));
  const vm = runtime.newContext();
  const inject = (value: unknown) => `JSON.parse(${JSON.stringify(JSON.stringify(value ?? null))})`;
  const source = `(() => {
${PRELUDE}
try {
  (function (user, chat, options, params, request, res, Api, console) {
${body}
  }).call(undefined, ${inject(scope.user)}, ${inject(scope.chat)}, ${inject(scope.options)}, ${inject(scope.params)}, ${inject(scope.request)}, res, Api, console);
} catch (e) {
  if (e !== __DONE) { __logs.push('Error: ' + (e && e.message ? e.message : String(e))); throw e; }
}
return __stringify({ state: __state, logs: __logs, outbox: __outbox });
})()`;
  try {
    const result = vm.evalCode(source, 'command.js');
    if (result.error) {
      const error: unknown = vm.dump(result.error);
      result.error.dispose();
      return {
        ok: false,
        reason: describe(error, limits, heapBefore),
        logs: logsAfterFailure(vm, runtime, limits),
      };
    }
    const text = vm.dump(result.value);
    result.value.dispose();
    const record = readRecord(text);
    if (!record.ok) return { ok: false, reason: record.reason, logs: logsAfterFailure(vm, runtime, limits) };
    return { ok: true, response: record.state, logs: record.logs, outbox: record.outbox };
  } catch (error) {
    // The engine itself gave up (e.g. memory exhausted while building the result).
    return {
      ok: false,
      reason: describe(error, limits, heapBefore),
      logs: logsAfterFailure(vm, runtime, limits),
    };
  } finally {
    try {
      vm.dispose();
      runtime.dispose();
    } catch {
      // A runtime that ran out of memory may refuse a clean dispose; it is dropped either way.
    }
  }
}

/**
 * What the command logged before it failed, read through handles (no code of
 * the command's runs again), under a short deadline and a little memory
 * headroom: a getter the command planted cannot hang the host.
 */
function logsAfterFailure(vm: QuickJSContext, runtime: QuickJSRuntime, limits: CommandLimits): string[] {
  const lines: string[] = [];
  try {
    runtime.setInterruptHandler(shouldInterruptAfterDeadline(Date.now() + 50));
    runtime.setMemoryLimit(limits.memoryBytes + MiB);
    const logs = vm.getProp(vm.global, LOGS_GLOBAL);
    try {
      if (vm.typeof(logs) !== 'object') return lines;
      const length = vm.getProp(logs, 'length');
      const count = vm.typeof(length) === 'number' ? vm.getNumber(length) : 0;
      length.dispose();
      for (let i = 0; i < Math.min(count, MAX_LOG_LINES + 1); i++) {
        const line = vm.getProp(logs, i);
        if (vm.typeof(line) === 'string') lines.push(vm.getString(line).slice(0, MAX_LOG_CHARS));
        line.dispose();
      }
    } finally {
      logs.dispose();
    }
  } catch {
    // A runtime too broken to read keeps the lines read so far.
  }
  return lines;
}

function describe(error: unknown, limits: CommandLimits, heapBefore: number): string {
  if ((typeof error !== 'object' || error === null) && typeof error !== 'string') {
    // Out of memory, QuickJS may throw null (it could not build an error object): the heap then grew to its cap in this run.
    const heap = heapBytes();
    if (heap > heapBefore && heap + 8 * MiB > HEAP_CAP_BYTES) return memoryLimitReason(limits);
    return `The command threw ${String(error)}.`;
  }
  const { name, message: text } = (typeof error === 'string' ? {} : error) as {
    name?: unknown;
    message?: unknown;
  };
  const message =
    typeof error === 'string'
      ? error
      : `${typeof name === 'string' && name ? `${name}: ` : ''}${String(text ?? '')}`;
  if (/interrupted/i.test(message)) return timeoutReason(limits.cpuMs);
  if (/out of memory|memory|string too long|array too long/i.test(message)) {
    return memoryLimitReason(limits);
  }
  if (/stack overflow|too much recursion/i.test(message))
    return 'Stack overflow: the command recursed too deep.';
  return message.slice(0, 500) || 'The command failed.';
}
