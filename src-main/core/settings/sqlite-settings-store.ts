import type { InboxSettings, ResponseRule } from '@contract';
import type { Database, Statement } from 'better-sqlite3';
import { SettingsCache, type SettingsValues, settingsOf } from './settings-cache';
import type { InboxSettingsChange, InboxSettingsStore } from './store';

interface SettingsRow extends Omit<SettingsValues, 'forwarding' | 'rule'> {
  forwarding: string | null;
  rule: string | null;
}

const parsed = (row: SettingsRow): InboxSettings =>
  settingsOf({
    ...row,
    forwarding: row.forwarding === null ? null : JSON.parse(row.forwarding),
    rule: row.rule === null ? null : JSON.parse(row.rule),
  });

/**
 * Per-inbox settings in SQLite: read from memory, written through. Writes
 * change only what they name and rule hits are counted by the database, as
 * in PostgreSQL, so two connections to one file (two processes) agree.
 */
export class SqliteInboxSettingsStore implements InboxSettingsStore {
  private readonly cache = new SettingsCache();
  private readonly selectAll: Statement<[], SettingsRow>;
  private readonly selectOne: Statement<[string], SettingsRow>;
  private readonly upsert: Statement<Record<string, unknown>, SettingsRow>;
  private readonly hit: Statement<[string], SettingsRow>;

  constructor(db: Database) {
    this.selectAll = db.prepare('SELECT * FROM inbox_settings');
    this.selectOne = db.prepare('SELECT * FROM inbox_settings WHERE inbox = ?');
    // A new or removed rule starts counting its first N again.
    this.upsert = db.prepare(
      `INSERT INTO inbox_settings (inbox, forwarding, rule, rule_hits, keep_count, keep_days, secret_profile_id, reject_bad_secret)
       VALUES (@inbox, @forwarding, @rule, 0, @keepCount, @keepDays, @secretProfileId, @rejectBadSecret)
       ON CONFLICT (inbox) DO UPDATE SET
         forwarding = CASE WHEN @setForwarding THEN excluded.forwarding ELSE forwarding END,
         rule       = CASE WHEN @setRule THEN excluded.rule ELSE rule END,
         rule_hits  = CASE WHEN @setRule THEN 0 ELSE rule_hits END,
         keep_count = CASE WHEN @setRetention THEN excluded.keep_count ELSE keep_count END,
         keep_days  = CASE WHEN @setRetention THEN excluded.keep_days ELSE keep_days END,
         secret_profile_id = CASE WHEN @setSecretCheck THEN excluded.secret_profile_id ELSE secret_profile_id END,
         reject_bad_secret = CASE WHEN @setSecretCheck THEN excluded.reject_bad_secret ELSE reject_bad_secret END
       RETURNING *`,
    );
    // One conditional statement, never a count read and then written (see PostgreSQL's 0005 migration).
    this.hit = db.prepare(
      `UPDATE inbox_settings SET rule_hits = rule_hits + 1
       WHERE inbox = ? AND rule IS NOT NULL
         AND (json_extract(rule, '$.firstN') IS NULL OR rule_hits < json_extract(rule, '$.firstN'))
       RETURNING *`,
    );
    this.cache.replaceAll(this.selectAll.all().map(parsed));
  }

  get(inbox: string): InboxSettings {
    return this.cache.get(inbox);
  }

  all(): InboxSettings[] {
    return this.cache.all();
  }

  async reload(): Promise<void> {
    this.cache.replaceAll(this.selectAll.all().map(parsed));
  }

  async configure(inbox: string, change: InboxSettingsChange): Promise<InboxSettings> {
    const row = this.upsert.get({
      inbox,
      forwarding: change.forwarding ? JSON.stringify(change.forwarding) : null,
      rule: change.rule ? JSON.stringify(change.rule) : null,
      keepCount: change.retention?.keepCount ?? null,
      keepDays: change.retention?.keepDays ?? null,
      setForwarding: change.forwarding === undefined ? 0 : 1,
      setRule: change.rule === undefined ? 0 : 1,
      setRetention: change.retention === undefined ? 0 : 1,
      secretProfileId: change.secretCheck?.profileId ?? null,
      rejectBadSecret: change.secretCheck?.reject ? 1 : 0,
      setSecretCheck: change.secretCheck === undefined ? 0 : 1,
    }) as SettingsRow;
    const settings = parsed(row);
    this.cache.set(settings);
    return settings;
  }

  /** The rule's answer for this delivery, or null when the rule is absent or does not apply to it. */
  async takeRule(inbox: string, random = Math.random): Promise<ResponseRule | null> {
    if (!this.cache.mayTakeRule(inbox, random)) return null;
    const row = this.hit.get(inbox);
    if (row) {
      const settings = parsed(row);
      this.cache.set(settings);
      return settings.rule;
    }
    // Used up, or changed, by another connection: learn which, so the next delivery need not ask.
    const current = this.selectOne.get(inbox);
    if (current) this.cache.set(parsed(current));
    else this.cache.forget(inbox);
    return null;
  }
}
