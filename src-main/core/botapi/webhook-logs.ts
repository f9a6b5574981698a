import type { WebhookLogEntry } from '@contract';
import { asObject, int, type Json, num, pick, str } from './read';

/**
 * Solafon's `webhookLogs` (field names unpublished): recognise the likely
 * names, keep every field in `raw`, and show the rest as unknown (null).
 */
export function readWebhookLogs(settings: unknown): WebhookLogEntry[] {
  const root = asObject(settings);
  const holder = Array.isArray(root.webhookLogs) ? root : asObject(root.result ?? root.data ?? root.settings);
  const logs = Array.isArray(holder.webhookLogs) ? holder.webhookLogs : [];
  return logs.map((entry) => readEntry(asObject(entry)));
}

function readEntry(e: Json): WebhookLogEntry {
  const time = pick(e, ['time', 'date', 'timestamp', 'createdAt', 'created_at', 'sentAt'], timeOf);
  return {
    time,
    updateId: pick(e, ['updateId', 'update_id'], int),
    url: pick(e, ['url', 'webhookUrl', 'webhook_url'], str),
    status: pick(e, ['status', 'statusCode', 'status_code', 'httpStatus', 'responseStatus', 'code'], int),
    error: pick(e, ['error', 'errorMessage', 'error_message', 'message'], str),
    responseTimeMs: pick(
      e,
      [
        'responseTime',
        'responseTimeMs',
        'response_time',
        'response_time_ms',
        'duration',
        'durationMs',
        'latency',
      ],
      num,
    ),
    raw: e,
  };
}

/** ISO text as given; numbers as Unix seconds or milliseconds. */
function timeOf(value: unknown): string | null {
  if (typeof value === 'string' && !Number.isNaN(Date.parse(value))) return new Date(value).toISOString();
  const n = num(value);
  if (n === null) return null;
  return new Date(n < 1e12 ? n * 1000 : n).toISOString();
}
