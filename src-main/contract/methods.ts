import { z } from 'zod';
import { AppInfo, Inbox, StoreStatus } from './app';
import { MESSAGE_TEXT_MAX } from './bot-rules';
import {
  BotProfile,
  CannedUpdateKind,
  ProfileInput,
  ProfileRef,
  SandboxChatMessage,
  SandboxInfo,
  SandboxQueued,
  SandboxWriter,
  SentReply,
  SetWebhookInput,
  WebhookCheck,
  WebhookInfo,
  WebhookLogEntry,
} from './bots';
import { CaptureStatus, StartCaptureInput } from './capture';
import { TryCommandInput, TryCommandResult } from './command-run';
import {
  CountMatchingInput,
  DeleteDeliveriesInput,
  Deleted,
  DeleteMatchingInput,
  DeliveriesDeletedEvent,
  InboxRef,
  MatchingCount,
} from './delete';
import {
  DeliveryDetail,
  DeliveryListItem,
  InboxName,
  ListDeliveriesInput,
  ListDeliveriesOutput,
} from './deliveries';
import { HttpUrl } from './http-url';
import { ConfigureInboxInput, InboxSettings, Retention, StorageInfo } from './inbox-settings';
import { COMMAND_BODY_MAX } from './link-rules';
import {
  Command,
  CommandName,
  LinkDefaults,
  LinkVerdict,
  SignedLink,
  SigningKey,
  SignLinkInput,
} from './links';
import type { EventName, MethodName } from './names';
import { ReplayAttempt, ReplayInput, ReplayProgress, ReplayTarget, ReplayTargetName } from './replay';
import {
  AddWorkspaceInput,
  AuditEntry,
  AuditExport,
  AuditFilter,
  ListAuditInput,
  Person,
  PersonName,
  Role,
  Whoami,
  Workspace,
} from './team';
import { ExportFile, ExportInput, ImportInput, TransferFile, TransferProgress } from './transfer';

const NoInput = z.object({}).strict();

/**
 * Every method the UI may call: its input and its output. Both transports
 * and the renderer's client are derived from this table.
 */
export const methods = {
  'app.info': { input: NoInput, output: AppInfo },
  'deliveries.list': { input: ListDeliveriesInput, output: ListDeliveriesOutput },
  'deliveries.get': {
    input: z.object({ id: z.number().int().positive() }).strict(),
    output: DeliveryDetail,
  },
  /** A delivery, or the ticked rows: their search rows, invocations and replays go with them. */
  'deliveries.delete': { input: DeleteDeliveriesInput, output: Deleted },
  /** The dry run a delete by filter shows before it is confirmed. */
  'deliveries.countMatching': { input: CountMatchingInput, output: MatchingCount },
  /** Everything the filter matches up to the counted id, deleted in chunks; `deliveries.deleted` events follow. */
  'deliveries.deleteMatching': { input: DeleteMatchingInput, output: Deleted },
  'inboxes.list': { input: NoInput, output: z.object({ items: z.array(Inbox) }) },
  'inboxes.create': { input: z.object({ name: InboxName }).strict(), output: Inbox },
  /** Deletes every delivery of an inbox and keeps the inbox (the default inbox can only be cleared). */
  'inboxes.clear': { input: InboxRef, output: Deleted },
  /** Deletes an inbox, its settings and its deliveries; refused for the default inbox. */
  'inboxes.delete': { input: InboxRef, output: Deleted },

  'profiles.list': { input: NoInput, output: z.object({ items: z.array(BotProfile) }) },
  'profiles.create': { input: ProfileInput, output: BotProfile },
  'profiles.update': { input: ProfileInput.extend({ id: z.number().int().positive() }), output: BotProfile },
  'profiles.delete': { input: ProfileRef, output: z.object({ deleted: z.literal(true) }) },

  'webhook.info': { input: ProfileRef, output: WebhookInfo },
  /** webhook.info for a poll: a platform failure (or a profile that cannot call it) is an answer, not an error. */
  'webhook.check': { input: ProfileRef, output: WebhookCheck },
  /** Answers with getWebhookInfo after the change. */
  'webhook.set': {
    input: SetWebhookInput.extend({ profileId: z.number().int().positive() }).strict(),
    output: WebhookInfo,
  },
  'webhook.delete': {
    input: ProfileRef.extend({ dropPendingUpdates: z.boolean().default(false) }),
    output: WebhookInfo,
  },

  /** Never throws for a platform failure: the reply is kept in the history with its error. */
  'messages.send': {
    input: ProfileRef.extend({
      chatId: z.union([z.number().int(), z.string().trim().min(1)]),
      text: z.string().min(1, 'the message is empty').max(MESSAGE_TEXT_MAX),
      deliveryId: z.number().int().positive().optional(),
    }),
    output: SentReply,
  },
  'messages.history': {
    input: ProfileRef.extend({ limit: z.number().int().min(1).max(1000).default(200) }),
    output: z.object({ items: z.array(SentReply) }),
  },
  'logs.list': { input: ProfileRef, output: z.object({ items: z.array(WebhookLogEntry) }) },

  'sandbox.info': { input: NoInput, output: SandboxInfo },
  'sandbox.chats': { input: NoInput, output: z.object({ items: z.array(z.number().int()) }) },
  'sandbox.messages': {
    input: z.object({ chatId: z.number().int() }).strict(),
    output: z.object({ items: z.array(SandboxChatMessage) }),
  },
  /** Writes to the sandbox bot as a simulated user. */
  'sandbox.say': {
    input: z
      .object({
        userId: z.number().int().positive(),
        name: z.string().trim().min(1).max(64).optional(),
        language: z.string().trim().min(2).max(16).optional(),
        chatId: z.number().int().optional(),
        text: z.string().min(1, 'the message is empty').max(MESSAGE_TEXT_MAX),
      })
      .strict(),
    output: z.object({ updateId: z.number().int(), messageId: z.number().int(), chatId: z.number().int() }),
  },
  /** A simulated user presses a callback button under a bot message: a `callback_query` update. */
  'sandbox.press': {
    input: SandboxWriter.extend({
      chatId: z.number().int(),
      messageId: z.number().int(),
      data: z.string().min(1).max(64),
    }).strict(),
    output: SandboxQueued,
  },
  /** A simulated user edits their own message: an `edited_message` update. */
  'sandbox.edit': {
    input: SandboxWriter.extend({
      chatId: z.number().int(),
      messageId: z.number().int(),
      text: z.string().min(1, 'the message is empty').max(MESSAGE_TEXT_MAX),
    }).strict(),
    output: SandboxQueued,
  },
  /** One of the canned updates (a command, a photo, a new member…) as the chosen user. */
  'sandbox.send': {
    input: SandboxWriter.extend({ chatId: z.number().int(), kind: CannedUpdateKind }).strict(),
    output: SandboxQueued,
  },

  /**
   * Telegram capture without a public URL: remembers the webhook, deletes
   * it, and takes updates with getUpdates into an inbox (and to a tap URL).
   */
  'capture.start': { input: StartCaptureInput, output: CaptureStatus },
  /** Drains what is left, then sets the webhook back exactly as it was. */
  'capture.stop': { input: ProfileRef, output: CaptureStatus },
  'capture.list': { input: NoInput, output: z.object({ items: z.array(CaptureStatus) }) },

  'commands.list': { input: NoInput, output: z.object({ items: z.array(Command) }) },
  /** Creates or replaces a command's JavaScript body. */
  'commands.save': {
    input: z.object({ name: CommandName, body: z.string().max(COMMAND_BODY_MAX) }).strict(),
    output: Command,
  },
  'commands.delete': {
    input: z.object({ name: CommandName }).strict(),
    output: z.object({ deleted: z.literal(true) }),
  },
  /** Runs a body once with a sample user, without a link: the answer and logs; nothing sent or stored. */
  'commands.tryRun': { input: TryCommandInput, output: TryCommandResult },

  /** getUrl / getUrlFor: a signed link that runs a command for one user. */
  'links.sign': { input: SignLinkInput, output: SignedLink },
  /** Which check a pasted link fails, or valid. */
  'links.verify': { input: z.object({ url: z.string().min(1) }).strict(), output: LinkVerdict },
  'links.keys': {
    input: z.object({ profileId: z.number().int().positive() }).strict(),
    output: z.object({ items: z.array(SigningKey) }),
  },
  'links.rotateKey': {
    input: z.object({ profileId: z.number().int().positive() }).strict(),
    output: SigningKey,
  },
  /**
   * Revokes what a key signed. Retiring the active key makes a fresh active
   * key at once (its id in `replacedBy`): an older, rotated-out key never
   * signs again.
   */
  'links.retireKey': {
    input: z.object({ profileId: z.number().int().positive(), kid: z.string() }).strict(),
    output: z.object({ retired: z.literal(true), replacedBy: z.string().nullable() }),
  },
  /** The expiry new links get when `links.sign` is given none. */
  'links.defaults': { input: NoInput, output: LinkDefaults },
  'links.setDefaults': { input: LinkDefaults, output: LinkDefaults },

  /** Sends stored deliveries again to a target; progress arrives as `replay.progress` events. */
  'replay.start': { input: ReplayInput, output: ReplayProgress },
  'replay.cancel': { input: z.object({ jobId: z.string() }).strict(), output: ReplayProgress },
  /** Every replay of one delivery, newest first, for the side-by-side view. */
  'replay.attempts': {
    input: z.object({ deliveryId: z.number().int().positive() }).strict(),
    output: z.object({ items: z.array(ReplayAttempt) }),
  },
  /**
   * The targets replays went to from an inbox, most recently used first (at
   * most REPLAY_TARGETS_KEPT); without an inbox, the latest of every inbox.
   * `replay.start` remembers its target for the inbox of the deliveries it sends.
   */
  'replay.targets': {
    input: z.object({ inbox: InboxName.optional() }).strict(),
    output: z.object({ items: z.array(ReplayTarget) }),
  },
  /** Names a target of an inbox (remembering it if it was not); a null name takes the name away. */
  'replay.nameTarget': {
    input: z
      .object({
        inbox: InboxName,
        url: z.string().max(2048).pipe(HttpUrl),
        name: ReplayTargetName.nullable(),
      })
      .strict(),
    output: ReplayTarget,
  },
  'replay.forgetTarget': {
    input: z.object({ inbox: InboxName, url: z.string().min(1).max(2048) }).strict(),
    output: z.object({ forgotten: z.boolean() }),
  },

  /** Writes the selection or filter (default: everything) to a file; progress as `transfer.progress`. */
  'export.start': { input: ExportInput, output: TransferProgress },
  /** The exports kept, newest first: each until it expires or is deleted. */
  'export.list': { input: NoInput, output: z.object({ items: z.array(ExportFile) }) },
  'export.delete': {
    input: z.object({ file: TransferFile }).strict(),
    output: z.object({ deleted: z.literal(true) }),
  },
  /** Reads an uploaded NDJSON or HAR file back in, skipping deliveries already stored. */
  'import.start': { input: ImportInput, output: TransferProgress },

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
  /** Whether the shared store (a team server's database) can be reached now. */
  'app.status': { input: NoInput, output: StoreStatus },
  /** Who is calling: on a team server, the person whose token this is. */
  'app.whoami': { input: NoInput, output: Whoami },

  /** A team server's people (admin). */
  'people.list': { input: NoInput, output: z.object({ items: z.array(Person) }) },
  /** The token is shown once, here: only its hash is kept. */
  'people.add': {
    input: z.object({ name: PersonName, role: Role }).strict(),
    output: z.object({ person: Person, token: z.string() }),
  },
  'people.revoke': { input: z.object({ id: z.number().int().positive() }).strict(), output: Person },
  /** Every state-changing call on a team server, newest first (admin); nothing edits it. */
  'audit.list': {
    input: ListAuditInput,
    output: z.object({ items: z.array(AuditEntry), total: z.number().int() }),
  },
  /** The filtered log as an NDJSON file among the exports (GET /downloads/<file>). */
  'audit.export': { input: AuditFilter, output: AuditExport },

  /** Team servers this app can open (the local app only; tokens sealed, never listed). */
  'workspaces.list': { input: NoInput, output: z.object({ items: z.array(Workspace) }) },
  /** Checks the token with the server (its whoami) before keeping it. */
  'workspaces.add': { input: AddWorkspaceInput, output: Workspace },
  'workspaces.remove': {
    input: z.object({ id: z.number().int().positive() }).strict(),
    output: z.object({ removed: z.literal(true) }),
  },
  /** What the UI needs to connect to it: its address and the token. */
  'workspaces.open': {
    input: z.object({ id: z.number().int().positive() }).strict(),
    output: z.object({ url: z.string(), token: z.string() }),
  },
} satisfies Record<MethodName, { input: z.ZodType; output: z.ZodType }>;

/** Everything core pushes to the UI. */
export const events = {
  /** Batched: one event per group commit, never one per delivery. */
  'delivery.added': z.object({ items: z.array(DeliveryListItem) }),
  'deliveries.deleted': DeliveriesDeletedEvent,
  'inboxes.changed': z.object({}),
  /** A sandbox bot's chats, webhook or queue changed; `chatId` when one chat did. */
  'sandbox.changed': z.object({ botId: z.number().int(), chatId: z.number().int().nullable() }),
  'commands.changed': z.object({}),
  /** At most ten a second per job, and always one at its end. */
  'replay.progress': ReplayProgress,
  'transfer.progress': TransferProgress,
  /** The shared store went away or came back. */
  'store.status': StoreStatus,
} satisfies Record<EventName, z.ZodType>;

type Methods = typeof methods;
type Events = typeof events;

/** What a caller may pass (defaults not yet applied). */
export type Input<M extends MethodName> = z.input<Methods[M]['input']>;
/** What a handler receives, after parsing. */
export type ParsedInput<M extends MethodName> = z.output<Methods[M]['input']>;
export type Output<M extends MethodName> = z.output<Methods[M]['output']>;
export type EventPayload<E extends EventName> = z.output<Events[E]>;

/** The engine behind the contract: core implements it, transports call it. */
export type Service = {
  [M in MethodName]: (input: ParsedInput<M>) => Promise<Output<M>> | Output<M>;
};

export type EventListener = <E extends EventName>(name: E, payload: EventPayload<E>) => void;

/** A source of pushed events; returns the unsubscribe function. */
export type Subscribe = (listener: EventListener) => () => void;
