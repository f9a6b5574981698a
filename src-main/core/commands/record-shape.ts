import { z } from 'zod';
import { MAX_LOG_CHARS, MAX_LOG_LINES } from './prelude';
import type { ResponseRecord } from './runtime';

/**
 * What the prelude hands back. A command can reach the objects it is built
 * from (prototypes, `toJSON`), so its shape is checked here rather than trusted.
 */
const Record = z.object({
  state: z.object({
    status: z.unknown().optional(),
    headers: z.record(z.string(), z.string()),
    kind: z.enum(['send', 'json', 'text', 'html', 'redirect']).nullable(),
    body: z.unknown().optional(),
  }),
  logs: z.array(z.string()),
  outbox: z.array(z.unknown()),
});

export type RecordRead =
  | { ok: true; state: ResponseRecord; logs: string[]; outbox: unknown[] }
  | { ok: false; reason: string };

const TAMPERED =
  "The command changed the runtime's own objects (res, console or JSON); its result is unreadable.";

export function readRecord(text: unknown): RecordRead {
  if (typeof text !== 'string') return { ok: false, reason: TAMPERED };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, reason: TAMPERED };
  }
  const parsed = Record.safeParse(value);
  if (!parsed.success) return { ok: false, reason: TAMPERED };
  const { state, logs, outbox } = parsed.data;
  return {
    ok: true,
    state: { status: state.status ?? null, headers: state.headers, kind: state.kind, body: state.body },
    // The command can reach the array itself, past console.log's own caps (+1: the error line of a full log).
    logs: logs.slice(0, MAX_LOG_LINES + 1).map((line) => line.slice(0, MAX_LOG_CHARS)),
    outbox,
  };
}
