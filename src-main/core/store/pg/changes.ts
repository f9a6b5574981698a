import type { Sql, TransactionSql } from './connect';

/**
 * How replicas of one team server tell each other what changed: every write
 * to shared state sends a NOTIFY on this channel from inside its own
 * transaction (PostgreSQL delivers it only if, and once, the transaction
 * commits), and every replica LISTENs, reloads what it caches and pushes
 * the change to its own UI clients.
 */
export const CHANGES_CHANNEL = 'bwi_changes';

/**
 * What changed: deliveries carry their ids; the rest say "read me again".
 * `people`: someone was revoked (ids: who), so every replica cuts their open sessions.
 * `deleted`: deliveries were deleted (ids: which), so every replica's UIs drop them.
 */
export type ChangeTopic =
  | 'deliveries'
  | 'deleted'
  | 'inboxes'
  | 'settings'
  | 'commands'
  | 'profiles'
  | 'people';

export interface Change {
  /** The replica that made the change (it has already acted on it). */
  origin: string;
  topic: ChangeTopic;
  /** For `deliveries`: the ids committed; for `deleted`: the ids gone; for `people`: the people revoked. */
  ids?: number[];
}

/** NOTIFY payloads are limited to 8000 bytes; ids go in chunks well under it. */
const IDS_PER_NOTICE = 500;

/** Announces a change from inside the transaction that made it. */
export async function notifyChange(
  tx: TransactionSql | Sql,
  origin: string,
  topic: ChangeTopic,
  ids?: readonly number[],
): Promise<void> {
  if (ids === undefined) {
    await tx`SELECT pg_notify(${CHANGES_CHANNEL}, ${JSON.stringify({ origin, topic })})`;
    return;
  }
  for (let i = 0; i < ids.length; i += IDS_PER_NOTICE) {
    const chunk = ids.slice(i, i + IDS_PER_NOTICE);
    await tx`SELECT pg_notify(${CHANGES_CHANNEL}, ${JSON.stringify({ origin, topic, ids: chunk })})`;
  }
}

const TOPICS = new Set<string>([
  'deliveries',
  'deleted',
  'inboxes',
  'settings',
  'commands',
  'profiles',
  'people',
]);

/** A payload from the channel, or null for anything that is not one of ours. */
export function parseChange(payload: string): Change | null {
  let value: unknown;
  try {
    value = JSON.parse(payload);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const { origin, topic, ids } = value as Record<string, unknown>;
  if (typeof origin !== 'string' || typeof topic !== 'string' || !TOPICS.has(topic)) return null;
  if (ids !== undefined && !(Array.isArray(ids) && ids.every((id) => Number.isSafeInteger(id)))) return null;
  return { origin, topic: topic as ChangeTopic, ...(ids === undefined ? {} : { ids: ids as number[] }) };
}
