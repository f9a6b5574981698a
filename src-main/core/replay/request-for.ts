import { ContractError } from '@contract';
import type { ReplaySource } from '../deliveries/store';
import { HOP_BY_HOP } from '../http/hop-by-hop';

export interface ReplayShape {
  keepHeaders: string[];
  headers: Array<[string, string]>;
  secretToken?: string | undefined;
  editedBody?: string | undefined;
  /** The update_id to put in the body, or null to keep the original bytes. */
  updateId: number | null;
}

/**
 * What a replay sends: the original body bytes unless edited or renumbered,
 * the original Content-Type, the chosen original headers, then overrides.
 */
export function replayRequest(
  row: Pick<ReplaySource, 'headers' | 'body'>,
  shape: ReplayShape,
): { body: Buffer; headers: Record<string, string> } {
  const keep = new Set(['content-type', ...shape.keepHeaders.map((h) => h.toLowerCase())]);
  const headers: Record<string, string> = {};
  for (const [name, value] of row.headers) {
    const key = name.toLowerCase();
    if (keep.has(key) && !HOP_BY_HOP.has(key))
      headers[key] = key in headers ? `${headers[key]}, ${value}` : value;
  }
  for (const [name, value] of shape.headers) {
    const key = name.toLowerCase();
    if (!HOP_BY_HOP.has(key)) headers[key] = value;
  }
  if (shape.secretToken) headers['x-telegram-bot-api-secret-token'] = shape.secretToken;

  let body = row.body;
  if (shape.editedBody !== undefined) {
    try {
      JSON.parse(shape.editedBody);
    } catch (error) {
      throw new ContractError('bad-input', `editedBody: not valid JSON (${(error as Error).message})`);
    }
    body = Buffer.from(shape.editedBody, 'utf8');
  }
  if (shape.updateId !== null) {
    const parsed = tryJson(body);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed) && 'update_id' in parsed) {
      body = Buffer.from(JSON.stringify({ ...(parsed as object), update_id: shape.updateId }), 'utf8');
    }
  }
  if (!headers['content-type']) headers['content-type'] = 'application/json';
  return { body, headers };
}

function tryJson(bytes: Buffer): unknown {
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch {
    return undefined;
  }
}
