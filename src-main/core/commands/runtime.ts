import { getQuickJS, type QuickJSWASMModule, shouldInterruptAfterDeadline } from 'quickjs-emscripten';
import { PRELUDE } from './prelude';

export interface CommandScope {
  user: unknown;
  chat: unknown;
  options: unknown;
  params: Record<string, string>;
  request: unknown;
}

export interface CommandLimits {
  /** Wall time of the interpreter, in ms: loops are interrupted past it. */
  cpuMs: number;
  memoryBytes: number;
}

export const DEFAULT_LIMITS: CommandLimits = { cpuMs: 1000, memoryBytes: 32 * 1024 * 1024 };

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

let module: Promise<QuickJSWASMModule> | undefined;
const quickjs = () => {
  module ??= getQuickJS();
  return module;
};

/** Loads the WASM engine ahead of the first link, so the first run is not slower. */
export const warmUp = (): Promise<unknown> => quickjs();

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
return JSON.stringify({ state: __state, logs: __logs, outbox: __outbox });
})()`;
  try {
    const result = vm.evalCode(source, 'command.js');
    if (result.error) {
      const error = vm.dump(result.error) as { name?: string; message?: string } | string;
      result.error.dispose();
      return { ok: false, reason: describe(error, limits), logs: [] };
    }
    const text = vm.dump(result.value) as string;
    result.value.dispose();
    const parsed = JSON.parse(text) as { state: ResponseRecord; logs: string[]; outbox: unknown[] };
    return { ok: true, response: parsed.state, logs: parsed.logs, outbox: parsed.outbox };
  } catch (error) {
    // The engine itself gave up (e.g. memory exhausted while building the result).
    return { ok: false, reason: describe(error as { message?: string }, limits), logs: [] };
  } finally {
    try {
      vm.dispose();
      runtime.dispose();
    } catch {
      // A runtime that ran out of memory may refuse a clean dispose; it is dropped either way.
    }
  }
}

function describe(error: { name?: string; message?: string } | string, limits: CommandLimits): string {
  const message =
    typeof error === 'string' ? error : `${error.name ? `${error.name}: ` : ''}${error.message ?? ''}`;
  if (/interrupted/i.test(message)) return `Timeout: the command ran longer than ${limits.cpuMs} ms.`;
  if (/out of memory|memory|string too long|array too long/i.test(message)) {
    return `Memory limit: the command used more than ${Math.round(limits.memoryBytes / 1024 / 1024)} MiB.`;
  }
  if (/stack overflow|too much recursion/i.test(message))
    return 'Stack overflow: the command recursed too deep.';
  return message.slice(0, 500) || 'The command failed.';
}
