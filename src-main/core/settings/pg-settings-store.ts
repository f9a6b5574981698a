import type { Forwarding, InboxSettings, ResponseRule } from '@contract';
import { notifyChange } from '../store/pg/changes';
import type { Sql } from '../store/pg/connect';
import { pgJson } from '../store/pg/text-value';
import { SettingsCache, type SettingsValues, settingsOf } from './settings-cache';
import type { InboxSettingsChange, InboxSettingsStore } from './store';

/**
 * Per-inbox settings in PostgreSQL, shared by every replica: read from
 * memory (construct with `open`, which loads them; `reload` when another
 * replica says they changed), written through. A rule's "first N" is
 * counted by the database, across replicas.
 */
export class PgInboxSettingsStore implements InboxSettingsStore {
  private readonly cache = new SettingsCache();

  constructor(
    private readonly sql: Sql,
    private readonly origin: string,
  ) {}

  static async open(sql: Sql, origin: string): Promise<PgInboxSettingsStore> {
    const store = new PgInboxSettingsStore(sql, origin);
    await store.reload();
    return store;
  }

  get(inbox: string): InboxSettings {
    return this.cache.get(inbox);
  }

  all(): InboxSettings[] {
    return this.cache.all();
  }

  async reload(): Promise<void> {
    const rows = await this.sql<SettingsValues[]>`SELECT * FROM inbox_settings`;
    this.cache.replaceAll(rows.map(settingsOf));
  }

  /**
   * Writes only what `change` names: a replica whose memory is behind does
   * not undo what another one set. A new or removed rule starts counting
   * its first N again.
   */
  async configure(inbox: string, change: InboxSettingsChange): Promise<InboxSettings> {
    const json = (value: Forwarding | ResponseRule | null | undefined) =>
      value === null || value === undefined ? null : this.sql.json(pgJson(value));
    const setForwarding = change.forwarding !== undefined;
    const setRule = change.rule !== undefined;
    const setRetention = change.retention !== undefined;
    const setSecretCheck = change.secretCheck !== undefined;
    const row = await this.sql.begin(async (tx) => {
      const [row] = await tx<SettingsValues[]>`
        INSERT INTO inbox_settings (inbox, forwarding, rule, rule_hits, keep_count, keep_days,
                                    secret_profile_id, reject_bad_secret)
        VALUES (${inbox}, ${json(change.forwarding)}, ${json(change.rule)}, 0,
                ${change.retention?.keepCount ?? null}, ${change.retention?.keepDays ?? null},
                ${change.secretCheck?.profileId ?? null}, ${change.secretCheck?.reject ?? false})
        ON CONFLICT (inbox) DO UPDATE SET
          forwarding = CASE WHEN ${setForwarding} THEN excluded.forwarding ELSE inbox_settings.forwarding END,
          rule       = CASE WHEN ${setRule} THEN excluded.rule ELSE inbox_settings.rule END,
          rule_hits  = CASE WHEN ${setRule} THEN 0 ELSE inbox_settings.rule_hits END,
          keep_count = CASE WHEN ${setRetention} THEN excluded.keep_count ELSE inbox_settings.keep_count END,
          keep_days  = CASE WHEN ${setRetention} THEN excluded.keep_days ELSE inbox_settings.keep_days END,
          secret_profile_id = CASE WHEN ${setSecretCheck} THEN excluded.secret_profile_id
                                   ELSE inbox_settings.secret_profile_id END,
          reject_bad_secret = CASE WHEN ${setSecretCheck} THEN excluded.reject_bad_secret
                                   ELSE inbox_settings.reject_bad_secret END
        RETURNING *`;
      await notifyChange(tx, this.origin, 'settings');
      return row as SettingsValues;
    });
    const settings = settingsOf(row);
    this.cache.set(settings);
    return settings;
  }

  /**
   * The rule's answer for this delivery, or null. A hit is one conditional
   * UPDATE (see the 0005 migration): replicas taking hits at once queue on
   * the row and each sees the count the one before left, so exactly N are
   * answered. The rule answered is the database's, should another replica
   * have replaced it.
   */
  async takeRule(inbox: string, random = Math.random): Promise<ResponseRule | null> {
    if (!this.cache.mayTakeRule(inbox, random)) return null;
    const [row] = await this.sql<SettingsValues[]>`
      UPDATE inbox_settings SET rule_hits = rule_hits + 1
      WHERE inbox = ${inbox} AND rule IS NOT NULL
        AND (rule->>'firstN' IS NULL OR rule_hits < (rule->>'firstN')::bigint)
      RETURNING *`;
    if (row) {
      const settings = settingsOf(row);
      this.cache.set(settings);
      return settings.rule;
    }
    // Used up, or changed, by another replica: learn which, so the next delivery need not ask.
    const [current] = await this.sql<SettingsValues[]>`SELECT * FROM inbox_settings WHERE inbox = ${inbox}`;
    if (current) this.cache.set(settingsOf(current));
    else this.cache.forget(inbox);
    return null;
  }
}
