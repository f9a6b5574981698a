import type { Forwarding, InboxSettings, ResponseRule, Retention, SecretCheck } from '@contract';

export type InboxSettingsChange = {
  forwarding?: Forwarding | null;
  rule?: ResponseRule | null;
  retention?: Retention;
  secretCheck?: SecretCheck | null;
};

/**
 * Per-inbox forwarding, response rule and retention. Reads come from memory
 * (the receiver asks on every delivery); writes go through to the database.
 */
export interface InboxSettingsStore {
  get(inbox: string): InboxSettings;
  all(): InboxSettings[];
  configure(inbox: string, change: InboxSettingsChange): Promise<InboxSettings>;
  /**
   * The rule's answer for this delivery, or null when there is none or it
   * does not apply; counting toward "first N" is atomic across replicas.
   */
  takeRule(inbox: string, random?: () => number): Promise<ResponseRule | null>;
  reload(): Promise<void>;
}
