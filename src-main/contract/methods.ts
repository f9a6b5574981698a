import { z } from 'zod';
import { appMethodTable, StoreStatus } from './app';
import { auditMethodTable } from './audit';
import { captureMethodTable } from './capture';
import { commandsMethodTable } from './commands';
import { composeMethodTable } from './compose';
import { DeliveriesDeletedEvent, deleteMethodTable } from './delete';
import { DeliveryListItem, deliveriesMethodTable } from './deliveries';
import { inboxesMethodTable } from './inboxes';
import { linksMethodTable } from './links';
import { logsMethodTable } from './logs';
import type { EventName, MethodName } from './names';
import { peopleMethodTable } from './people';
import { profilesMethodTable } from './profiles';
import { ReplayProgress, replayMethodTable } from './replay';
import { sandboxMethodTable } from './sandbox';
import { settingsMethodTable } from './settings';
import { TransferProgress, transferMethodTable } from './transfer';
import { webhookMethodTable } from './webhook';
import { workspacesMethodTable } from './workspaces';

/**
 * Every method the UI may call: its input and its output. Both transports
 * and the renderer's client are derived from this table. Each feature keeps
 * its part beside its schemas (`<feature>.ts`); METHOD_NAMES lists them in
 * this order.
 */
export const methods = {
  ...appMethodTable,
  ...deliveriesMethodTable,
  ...deleteMethodTable,
  ...inboxesMethodTable,
  ...settingsMethodTable,
  ...profilesMethodTable,
  ...webhookMethodTable,
  ...composeMethodTable,
  ...logsMethodTable,
  ...sandboxMethodTable,
  ...captureMethodTable,
  ...commandsMethodTable,
  ...linksMethodTable,
  ...replayMethodTable,
  ...transferMethodTable,
  ...peopleMethodTable,
  ...auditMethodTable,
  ...workspacesMethodTable,
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
