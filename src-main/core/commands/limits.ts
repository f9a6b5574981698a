// Apart from the runtime, so the main thread can name the limits without loading QuickJS.

export interface CommandLimits {
  /** Wall time of the interpreter, in ms: loops are interrupted past it. */
  cpuMs: number;
  memoryBytes: number;
}

export const DEFAULT_LIMITS: CommandLimits = { cpuMs: 1000, memoryBytes: 32 * 1024 * 1024 };

export const memoryLimitReason = (limits: CommandLimits): string =>
  `Memory limit: the command used more than ${Math.round(limits.memoryBytes / (1024 * 1024))} MiB.`;

export const timeoutReason = (ms: number): string => `Timeout: the command ran longer than ${ms} ms.`;
