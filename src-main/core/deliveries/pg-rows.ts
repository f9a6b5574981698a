import { searchVector } from '../store/pg/search-text';
import { pgText, pgTextOrNull } from '../store/pg/text-value';
import type { DeliveryListRow, InvocationRecord, NewDelivery } from './records';
import { searchableBody } from './searchable-body';

/** A new delivery's columns as PostgreSQL stores them: what its list item is made from, and the rest. */
export interface PgDeliveryValues {
  /** All list columns but those known only once stored (id, and the duplicate rule's two). */
  list: Omit<DeliveryListRow, 'id' | 'duplicate_of'>;
  query: string;
  /** JSON text for jsonb, cast in SQL: postgres.js would read an array of arrays as a 2-D SQL array. */
  headers: string;
  remoteAddress: string | null;
  body: Buffer;
  bodyOmitted: boolean;
  responseBody: string;
  userId: string | null;
  chatId: string | null;
  /** A tsvector literal (search-text.ts). */
  search: string;
}

/** A user or chat id as stored; the normalizer and the contract admit only finite numbers. */
const storableId = (id: number | string): number | string => (typeof id === 'string' ? pgText(id) : id);

/** jsonb input text for an id. */
const jsonText = (id: number | string | null): string | null => (id === null ? null : JSON.stringify(id));

/**
 * Every decoded string goes through pgText (no U+0000, no lone surrogate),
 * so the list item made from these values is exactly what a later read of
 * the row returns.
 */
export function pgDeliveryValues(row: NewDelivery): PgDeliveryValues {
  const { summary } = row;
  const text = pgTextOrNull(summary.text);
  const userId = summary.user ? storableId(summary.user.id) : null;
  const chatId = summary.chat ? storableId(summary.chat.id) : null;
  return {
    list: {
      received_at: row.receivedAt,
      inbox: pgText(row.inbox),
      method: pgText(row.method),
      path: pgText(row.path),
      response_status: row.responseStatus,
      problem: row.problem,
      body_size: row.bodySize,
      platform: summary.platform,
      kind: pgText(summary.kind),
      update_id: summary.updateId,
      user_id: userId,
      user_name: pgTextOrNull(summary.user?.name),
      user_username: pgTextOrNull(summary.user?.username),
      user_language: pgTextOrNull(summary.user?.language),
      chat_id: chatId,
      chat_type: pgTextOrNull(summary.chat?.type),
      text,
    },
    query: pgText(row.query),
    headers: JSON.stringify(row.headers.map(([name, value]) => [pgText(name), pgText(value)])),
    remoteAddress: pgTextOrNull(row.remoteAddress),
    body: row.body,
    bodyOmitted: row.bodyOmitted,
    responseBody: pgText(row.responseBody),
    userId: jsonText(userId),
    chatId: jsonText(chatId),
    // As SQLite's FTS row: the summary text, and the body (empty when omitted) as text.
    search: searchVector(text, searchableBody(row.body)),
  };
}

/** An invocation's columns: text through pgText; the json ones keep what was recorded, NUL included. */
export function pgInvocationValues(inv: InvocationRecord) {
  return {
    profileId: inv.profileId,
    command: pgTextOrNull(inv.command),
    userId: pgTextOrNull(inv.userId),
    options: pgTextOrNull(inv.options),
    params: JSON.stringify(inv.params),
    outcome: inv.outcome,
    reason: pgTextOrNull(inv.reason),
    check: pgTextOrNull(inv.check),
    logs: JSON.stringify(inv.logs),
    sent: JSON.stringify(inv.sent),
    durationMs: inv.durationMs,
    responseTruncated: inv.responseTruncated,
  };
}
