import { z } from 'zod';
import { FILTER_ID_MAX, FILTER_KIND_MAX, FILTER_QUERY_MAX } from './filter-rules';
import { InboxName } from './inboxes';

/** Why a delivery is not a plain, first-seen update. Null when it is. */
export const Problem = z.enum([
  'duplicate',
  'malformed-json',
  'too-large',
  'unknown-shape',
  'unknown-inbox',
  /** A signed link that failed verification (any check but expiry). */
  'invalid-link',
  'expired-link',
  'unknown-command',
  /** The command threw, timed out or ran out of memory. */
  'command-error',
  /**
   * The inbox checks the secret of the bot profile feeding it, and this
   * delivery's X-Telegram-Bot-Api-Secret-Token was missing or different.
   */
  'bad-secret',
]);
export type Problem = z.infer<typeof Problem>;

/** Platforms use numbers; tolerate strings rather than drop the field. */
export const EntityId = z.union([z.number(), z.string()]);
export type EntityId = z.infer<typeof EntityId>;

/** `signed-link`: a hit on a signed per-user link (kind `invocation`). */
export const Platform = z.enum(['solafon', 'telegram', 'signed-link', 'unknown']);
export type Platform = z.infer<typeof Platform>;

export const SummaryUser = z.object({
  id: EntityId,
  name: z.string().nullable(),
  username: z.string().nullable(),
  language: z.string().nullable(),
});
export type SummaryUser = z.infer<typeof SummaryUser>;

export const SummaryChat = z.object({ id: EntityId, type: z.string().nullable() });
export type SummaryChat = z.infer<typeof SummaryChat>;

/** One shape for a Solafon update and a Telegram Update. */
export const Summary = z.object({
  platform: Platform,
  /** `message` for Solafon; the Update field for Telegram (`message`, `callback_query`, …). */
  kind: z.string(),
  updateId: z.number().int().nullable(),
  user: SummaryUser.nullable(),
  chat: SummaryChat.nullable(),
  text: z.string().nullable(),
});
export type Summary = z.infer<typeof Summary>;

export const DeliveryListItem = z.object({
  id: z.number().int(),
  inbox: z.string(),
  /** ISO 8601 with milliseconds, UTC. */
  receivedAt: z.string(),
  method: z.string(),
  path: z.string(),
  responseStatus: z.number().int(),
  updateId: z.number().int().nullable(),
  problem: Problem.nullable(),
  /** For a duplicate: the id of the first copy of the same update. */
  duplicateOf: z.number().int().nullable(),
  bodySize: z.number().int(),
  summary: Summary,
});
export type DeliveryListItem = z.infer<typeof DeliveryListItem>;

/** What a signed-link hit did: the command run for one user. */
export const Invocation = z.object({
  profileId: z.number().int().nullable(),
  command: z.string().nullable(),
  userId: z.string().nullable(),
  /** The options JSON text exactly as signed. */
  options: z.string().nullable(),
  params: z.array(z.tuple([z.string(), z.string()])),
  outcome: z.enum(['ok', 'rejected', 'unknown-command', 'error']),
  /** Why it was rejected or failed: the failed check, or the command's error. */
  reason: z.string().nullable(),
  /** The failed check's code when rejected (e.g. `bad-signature`, `expired`). */
  check: z.string().nullable(),
  logs: z.array(z.string()),
  /** Api.sendMessage calls, in order, with what the platform answered. */
  sent: z.array(
    z.object({
      chatId: z.union([z.number(), z.string()]).nullable(),
      text: z.string(),
      ok: z.boolean(),
      result: z.string(),
    }),
  ),
  durationMs: z.number().int(),
  /**
   * The stored answer (the delivery's response body) was cut at 64 KiB; the
   * full answer was sent. Absent in exports made before it existed.
   */
  responseTruncated: z.boolean().default(false),
});
export type Invocation = z.infer<typeof Invocation>;

export const DeliveryDetail = DeliveryListItem.extend({
  /** The query string without its leading `?`; empty when there was none. */
  query: z.string(),
  /** Raw header pairs in arrival order, duplicates kept. */
  headers: z.array(z.tuple([z.string(), z.string()])),
  remoteAddress: z.string().nullable(),
  body: z.object({
    base64: z.string(),
    /** The body as UTF-8 when it decodes cleanly, else null. */
    text: z.string().nullable(),
    /** True when the receiver kept no bytes (the body was over the limit). */
    omitted: z.boolean(),
  }),
  response: z.object({ status: z.number().int(), body: z.string() }),
  /** Only for kind `invocation`. */
  invocation: Invocation.nullable(),
});
export type DeliveryDetail = z.infer<typeof DeliveryDetail>;

/** C0 controls and DEL, but tab and line breaks (whitespace, where words split). */
const isControl = (code: number) =>
  (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || code === 0x7f;

/** Text typed into a filter: control characters (NUL and the like) have no place in a search. */
const FilterText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .refine(
      (text) => ![...text].some((c) => isControl(c.charCodeAt(0))),
      'control characters are not allowed',
    );

/** What to show: every field narrows; all of them together are ANDed. */
export const DeliveryFilter = z
  .object({
    inbox: InboxName.optional(),
    /** Full-text over the summary text and the body (words; a trailing word matches as a prefix). */
    query: FilterText(FILTER_QUERY_MAX).optional(),
    kind: FilterText(FILTER_KIND_MAX).optional(),
    platform: Platform.optional(),
    /** An exact status (404) or a class ("2xx", "4xx"). */
    status: z.union([z.number().int().min(100).max(599), z.enum(['2xx', '3xx', '4xx', '5xx'])]).optional(),
    /** A problem code, `none` for deliveries without one, or `any` for those with one. */
    problem: z.union([Problem, z.enum(['none', 'any'])]).optional(),
    userId: FilterText(FILTER_ID_MAX).pipe(z.string().min(1)).optional(),
    chatId: FilterText(FILTER_ID_MAX).pipe(z.string().min(1)).optional(),
    /** ISO 8601 times, inclusive. */
    from: z.iso.datetime({ offset: true }).optional(),
    to: z.iso.datetime({ offset: true }).optional(),
  })
  .strict();
export type DeliveryFilter = z.infer<typeof DeliveryFilter>;

export const ListDeliveriesInput = DeliveryFilter.extend({
  /**
   * Cursor for the next (older) page: the last row shown. Lists are ordered
   * by received time, newest first, the id breaking ties; the page holds the
   * deliveries after that row in this order. Give `beforeAt` (that row's
   * `receivedAt`) with it; without it the row's time is looked up by id.
   */
  before: z.number().int().positive().optional(),
  beforeAt: z.iso.datetime({ offset: true }).optional(),
  /** Only deliveries with a larger id (what arrived since), in the same order as any page. */
  after: z.number().int().nonnegative().optional(),
  limit: z.number().int().min(1).max(1000).default(200),
}).strict();
export type ListDeliveriesInput = z.input<typeof ListDeliveriesInput>;

/** Past this many matches a total is not counted further: "10,000+" says enough, and counting a million does not. */
export const TOTAL_COUNTED_UP_TO = 10_000;

export const ListDeliveriesOutput = z.object({
  items: z.array(DeliveryListItem),
  /** All deliveries matching the filter, ignoring the cursors; at most TOTAL_COUNTED_UP_TO unless exact. */
  total: z.number().int(),
  /** False when `total` is a lower bound (more matched than were counted); absent: exact. */
  totalExact: z.boolean().optional(),
  /**
   * Words are searched through an index filled right behind the commits:
   * this many of the newest deliveries were not in it yet, so a text
   * search could not find them (usually none; after an upgrade, while the
   * index is rebuilt in the background). Other filters always see every row.
   */
  unsearched: z.number().int().nonnegative().optional(),
});
export type ListDeliveriesOutput = z.infer<typeof ListDeliveriesOutput>;

/** The deliveries part of the method table: the list and one delivery. */
export const deliveriesMethodTable = {
  'deliveries.list': { input: ListDeliveriesInput, output: ListDeliveriesOutput },
  'deliveries.get': {
    input: z.object({ id: z.number().int().positive() }).strict(),
    output: DeliveryDetail,
  },
};
