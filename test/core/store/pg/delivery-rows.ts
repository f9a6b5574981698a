import type { Sql, TransactionSql } from '../../../../src-main/core/store/pg/connect';
import type { InsertedCopy } from '../../../../src-main/core/store/pg/first-copies';
import { searchVector } from '../../../../src-main/core/store/pg/search-text';

/** A deliveries row for tests: what a test does not name takes a plain default. */
export interface DeliveryInput {
  inbox?: string;
  receivedAt?: Date;
  updateId?: number | null;
  responseStatus?: number;
  problem?: string | null;
  headers?: Array<[string, string]>;
  body?: Buffer;
  userId?: number | string | null;
  chatId?: number | string | null;
  text?: string | null;
}

/** Inserts rows as the store will (multi-row, search filled by the app); returns them for the duplicate rule. */
export async function insertDeliveries(
  sql: Sql | TransactionSql,
  rows: readonly DeliveryInput[],
): Promise<InsertedCopy[]> {
  const values = rows.map((r) => {
    const body = r.body ?? Buffer.from('{}');
    return {
      received_at: r.receivedAt ?? new Date(),
      inbox: r.inbox ?? 'default',
      method: 'POST',
      path: '/webhook',
      query: '',
      headers: sql.json(r.headers ?? [['content-type', 'application/json']]),
      body,
      body_size: body.length,
      body_omitted: false,
      response_status: r.responseStatus ?? 200,
      response_body: '',
      problem: r.problem ?? null,
      platform: 'telegram',
      kind: 'message',
      update_id: r.updateId ?? null,
      user_id: r.userId === undefined || r.userId === null ? null : sql.json(r.userId),
      chat_id: r.chatId === undefined || r.chatId === null ? null : sql.json(r.chatId),
      text: r.text ?? null,
      search: searchVector(r.text ?? null, body.toString('utf8')),
    };
  });
  const inserted = await sql<
    { id: number; inbox: string; update_id: number | null; response_status: number }[]
  >`
    INSERT INTO deliveries ${sql(values)} RETURNING id, inbox, update_id, response_status`;
  return inserted.map((r) => ({
    id: r.id,
    inbox: r.inbox,
    updateId: r.update_id,
    responseStatus: r.response_status,
  }));
}
