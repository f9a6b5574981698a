import type { SentReply } from '@contract';
import type { Database, Statement } from 'better-sqlite3';
import type { ReplyStore } from './store';

interface ReplyRow {
  id: number;
  profile_id: number;
  chat_id: number | string;
  text: string;
  delivery_id: number | null;
  sent_at: number;
  ok: number;
  result: string;
}

/** Sent replies in SQLite. */
export class SqliteReplyStore implements ReplyStore {
  private readonly insert: Statement;
  private readonly page: Statement<[number, number], ReplyRow>;
  private readonly one: Statement<[number], ReplyRow>;

  constructor(db: Database) {
    this.insert = db.prepare(
      `INSERT INTO sent_replies (profile_id, chat_id, text, delivery_id, sent_at, ok, result)
       VALUES (@profileId, @chatId, @text, @deliveryId, @sentAt, @ok, @result)`,
    );
    this.page = db.prepare('SELECT * FROM sent_replies WHERE profile_id = ? ORDER BY id DESC LIMIT ?');
    this.one = db.prepare('SELECT * FROM sent_replies WHERE id = ?');
  }

  async add(reply: Omit<SentReply, 'id' | 'sentAt'>, now = Date.now()): Promise<SentReply> {
    const result = this.insert.run({ ...reply, ok: reply.ok ? 1 : 0, sentAt: now });
    return toReply(this.one.get(Number(result.lastInsertRowid)) as ReplyRow);
  }

  async list(profileId: number, limit: number): Promise<SentReply[]> {
    return this.page.all(profileId, limit).map(toReply);
  }
}

const toReply = (r: ReplyRow): SentReply => ({
  id: r.id,
  profileId: r.profile_id,
  chatId: r.chat_id,
  text: r.text,
  deliveryId: r.delivery_id,
  sentAt: new Date(r.sent_at).toISOString(),
  ok: r.ok === 1,
  result: r.result,
});
