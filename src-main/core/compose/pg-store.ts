import type { SentReply } from '@contract';
import type { Sql } from '../store/pg/connect';
import { pgJson, pgText } from '../store/pg/text-value';
import type { ReplyStore } from './store';

interface ReplyRow {
  id: number;
  profile_id: number;
  /** jsonb: a number or a string, as the reply was addressed. */
  chat_id: number | string;
  text: string;
  delivery_id: number | null;
  sent_at: Date;
  ok: boolean;
  result: string;
}

const toReply = (r: ReplyRow): SentReply => ({
  id: r.id,
  profileId: r.profile_id,
  chatId: r.chat_id,
  text: r.text,
  deliveryId: r.delivery_id,
  sentAt: r.sent_at.toISOString(),
  ok: r.ok,
  result: r.result,
});

/** Sent replies in PostgreSQL, shared by every replica. */
export class PgReplyStore implements ReplyStore {
  constructor(private readonly sql: Sql) {}

  async add(reply: Omit<SentReply, 'id' | 'sentAt'>): Promise<SentReply> {
    const [row] = await this.sql<ReplyRow[]>`
      INSERT INTO sent_replies (profile_id, chat_id, text, delivery_id, sent_at, ok, result)
      VALUES (${reply.profileId}, ${this.sql.json(pgJson(reply.chatId))}, ${pgText(reply.text)},
              ${reply.deliveryId}, now(), ${reply.ok}, ${pgText(reply.result)})
      RETURNING *`;
    return toReply(row as ReplyRow);
  }

  async list(profileId: number, limit: number): Promise<SentReply[]> {
    const rows = await this.sql<ReplyRow[]>`
      SELECT * FROM sent_replies WHERE profile_id = ${profileId} ORDER BY id DESC LIMIT ${limit}`;
    return rows.map(toReply);
  }
}
