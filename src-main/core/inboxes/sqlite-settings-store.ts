import type { Forwarding, InboxSettings, ResponseRule } from '@contract';
import type { Database, Statement } from 'better-sqlite3';
import type { InboxSettingsChange, InboxSettingsStore } from './store';

interface SettingsRow {
  inbox: string;
  forwarding: string | null;
  rule: string | null;
  rule_hits: number;
  keep_count: number | null;
  keep_days: number | null;
}

const NONE: Omit<InboxSettings, 'inbox'> = {
  forwarding: null,
  rule: null,
  ruleHits: 0,
  retention: { keepCount: null, keepDays: null },
};

/** Per-inbox settings in SQLite: read from memory, written through. */
export class SqliteInboxSettingsStore implements InboxSettingsStore {
  private readonly cache = new Map<string, InboxSettings>();
  private readonly upsert: Statement;
  private readonly hit: Statement<[string]>;

  constructor(db: Database) {
    for (const row of db.prepare('SELECT * FROM inbox_settings').all() as SettingsRow[]) {
      this.cache.set(row.inbox, {
        inbox: row.inbox,
        forwarding: row.forwarding ? (JSON.parse(row.forwarding) as Forwarding) : null,
        rule: row.rule ? (JSON.parse(row.rule) as ResponseRule) : null,
        ruleHits: row.rule_hits,
        retention: { keepCount: row.keep_count, keepDays: row.keep_days },
      });
    }
    this.upsert = db.prepare(
      `INSERT INTO inbox_settings (inbox, forwarding, rule, rule_hits, keep_count, keep_days)
       VALUES (@inbox, @forwarding, @rule, @ruleHits, @keepCount, @keepDays)
       ON CONFLICT (inbox) DO UPDATE SET forwarding = excluded.forwarding, rule = excluded.rule,
         rule_hits = excluded.rule_hits, keep_count = excluded.keep_count, keep_days = excluded.keep_days`,
    );
    this.hit = db.prepare('UPDATE inbox_settings SET rule_hits = rule_hits + 1 WHERE inbox = ?');
  }

  get(inbox: string): InboxSettings {
    return this.cache.get(inbox) ?? { inbox, ...NONE };
  }

  all(): InboxSettings[] {
    return [...this.cache.values()];
  }

  async reload(): Promise<void> {}

  async configure(inbox: string, change: InboxSettingsChange): Promise<InboxSettings> {
    const current = this.get(inbox);
    const next: InboxSettings = {
      inbox,
      forwarding: change.forwarding === undefined ? current.forwarding : change.forwarding,
      rule: change.rule === undefined ? current.rule : change.rule,
      // A new or removed rule starts counting its first N again.
      ruleHits: change.rule === undefined ? current.ruleHits : 0,
      retention: change.retention ?? current.retention,
    };
    this.upsert.run({
      inbox,
      forwarding: next.forwarding ? JSON.stringify(next.forwarding) : null,
      rule: next.rule ? JSON.stringify(next.rule) : null,
      ruleHits: next.ruleHits,
      keepCount: next.retention.keepCount,
      keepDays: next.retention.keepDays,
    });
    this.cache.set(inbox, next);
    return next;
  }

  /** The rule's answer for this delivery, or null when the rule is absent or does not apply to it. */
  async takeRule(inbox: string, random = Math.random): Promise<ResponseRule | null> {
    const settings = this.cache.get(inbox);
    const rule = settings?.rule;
    if (!settings || !rule) return null;
    if (rule.firstN !== null && settings.ruleHits >= rule.firstN) return null;
    if (rule.rate !== null && random() >= rule.rate) return null;
    settings.ruleHits += 1;
    this.hit.run(inbox);
    return rule;
  }
}
