import { z } from 'zod';
import { HttpUrl } from './http-url';
import { RULE_BODY_MAX, RULE_DELAY_MAX_MS } from './inbox-rules';
import { InboxName } from './inboxes';
import { NoInput } from './no-input';

/**
 * `tap`: answer the platform at once, forward in the background with retries.
 * `proxy`: wait for the target (up to the platform's 10 s) and answer the
 * platform with the target's status and body.
 */
export const Forwarding = z.object({ url: HttpUrl, mode: z.enum(['tap', 'proxy']) });
export type Forwarding = z.infer<typeof Forwarding>;

/** Answer deliveries differently, to see how a platform and a bot cope with failure. */
export const ResponseRule = z.object({
  status: z.number().int().min(100).max(599),
  body: z.string().max(RULE_BODY_MAX).default(''),
  delayMs: z.number().int().min(0).max(RULE_DELAY_MAX_MS).default(0),
  /** Only the first N deliveries after the rule was set; null: all. */
  firstN: z.number().int().positive().nullable().default(null),
  /** Only this share of deliveries, 0–1, at random; null: all. */
  rate: z.number().min(0).max(1).nullable().default(null),
});
export type ResponseRule = z.infer<typeof ResponseRule>;

export const Retention = z.object({
  /** Keep at most this many deliveries in the inbox; null: no limit. */
  keepCount: z.number().int().positive().nullable().default(null),
  /** Keep deliveries at most this many days; null: no limit. */
  keepDays: z.number().positive().nullable().default(null),
});
export type Retention = z.infer<typeof Retention>;

/**
 * Which bot profile feeds the inbox: deliveries whose secret token header is
 * missing or differs from that profile's webhook secret are flagged
 * `bad-secret`, and with `reject` answered 401 as a careful bot would.
 */
export const SecretCheck = z.object({
  profileId: z.number().int().positive(),
  reject: z.boolean().default(false),
});
export type SecretCheck = z.infer<typeof SecretCheck>;

export const InboxSettings = z.object({
  inbox: InboxName,
  forwarding: Forwarding.nullable(),
  rule: ResponseRule.nullable(),
  /** How many deliveries the rule has answered since it was set. */
  ruleHits: z.number().int(),
  retention: Retention,
  secretCheck: SecretCheck.nullable(),
});
export type InboxSettings = z.infer<typeof InboxSettings>;

export const ConfigureInboxInput = z
  .object({
    inbox: InboxName,
    forwarding: Forwarding.nullable().optional(),
    rule: ResponseRule.nullable().optional(),
    retention: Retention.optional(),
    secretCheck: SecretCheck.nullable().optional(),
  })
  .strict();
export type ConfigureInboxInput = z.input<typeof ConfigureInboxInput>;

export const StorageInfo = z.object({
  databaseBytes: z.number().int(),
  walBytes: z.number().int(),
  deliveries: z.number().int(),
  /** Exports waiting to be downloaded, and uploads waiting to be imported. */
  exportsBytes: z.number().int(),
  uploadsBytes: z.number().int(),
  /** The most exports and uploads may take together; an upload past it is refused. */
  transferQuotaBytes: z.number().int(),
});
export type StorageInfo = z.infer<typeof StorageInfo>;

/** The settings part of the method table: an inbox's settings, and the storage they weigh on. */
export const settingsMethodTable = {
  'inboxes.settings': { input: z.object({ inbox: InboxName }).strict(), output: InboxSettings },
  /** Forwarding, a response rule and retention for one inbox; omitted parts stay as they are. */
  'inboxes.configure': { input: ConfigureInboxInput, output: InboxSettings },
  /** How many deliveries saving this retention would delete now: asked before saving, deletes nothing. */
  'inboxes.retentionCount': {
    input: z.object({ inbox: InboxName, retention: Retention }).strict(),
    output: z.object({ count: z.number().int().nonnegative() }),
  },
  /** The database's size on disk, and the exports' and uploads'. */
  'app.storage': { input: NoInput, output: StorageInfo },
};
