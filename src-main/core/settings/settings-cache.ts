import type { Forwarding, InboxSettings, ResponseRule } from '@contract';

/** An inbox_settings row as both engines give it, with its JSON already parsed. */
export interface SettingsValues {
  inbox: string;
  forwarding: Forwarding | null;
  rule: ResponseRule | null;
  rule_hits: number;
  keep_count: number | null;
  keep_days: number | null;
  /** PostgreSQL's bigint arrives as a string. */
  secret_profile_id: number | string | null;
  /** SQLite has no booleans: 0 or 1. */
  reject_bad_secret: boolean | number;
}

export const settingsOf = (row: SettingsValues): InboxSettings => ({
  inbox: row.inbox,
  forwarding: row.forwarding,
  rule: row.rule,
  ruleHits: row.rule_hits,
  retention: { keepCount: row.keep_count, keepDays: row.keep_days },
  secretCheck:
    row.secret_profile_id === null
      ? null
      : { profileId: Number(row.secret_profile_id), reject: Boolean(row.reject_bad_secret) },
});

/**
 * Per-inbox settings as a replica holds them in memory, the same for both
 * engines: the receiver reads them on every delivery, so they cannot wait
 * for the database. The database stays the judge of a rule's hits.
 */
export class SettingsCache {
  private byInbox = new Map<string, InboxSettings>();

  get(inbox: string): InboxSettings {
    return (
      this.byInbox.get(inbox) ?? {
        inbox,
        forwarding: null,
        rule: null,
        ruleHits: 0,
        retention: { keepCount: null, keepDays: null },
        secretCheck: null,
      }
    );
  }

  all(): InboxSettings[] {
    return [...this.byInbox.values()];
  }

  set(settings: InboxSettings): void {
    this.byInbox.set(settings.inbox, settings);
  }

  forget(inbox: string): void {
    this.byInbox.delete(inbox);
  }

  replaceAll(list: readonly InboxSettings[]): void {
    this.byInbox = new Map(list.map((s) => [s.inbox, s]));
  }

  /**
   * Whether this delivery should ask the database for a hit of the rule.
   * No when there is no rule or its first N are used up, as far as this
   * replica knows (the database decides the rest), or when a rate rule's
   * draw says no: a draw that loses does not count toward the first N.
   */
  mayTakeRule(inbox: string, random: () => number): boolean {
    const { rule, ruleHits } = this.get(inbox);
    if (!rule) return false;
    if (rule.firstN !== null && ruleHits >= rule.firstN) return false;
    return rule.rate === null || random() < rule.rate;
  }
}
