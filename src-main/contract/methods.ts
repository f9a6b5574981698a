import { z } from 'zod';
import { AppInfo, Inbox } from './app';
import {
  DeliveryDetail,
  DeliveryListItem,
  InboxName,
  ListDeliveriesInput,
  ListDeliveriesOutput,
} from './deliveries';
import type { EventName, MethodName } from './names';

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
  'inboxes.list': { input: NoInput, output: z.object({ items: z.array(Inbox) }) },
  'inboxes.create': { input: z.object({ name: InboxName }).strict(), output: Inbox },
} satisfies Record<MethodName, { input: z.ZodType; output: z.ZodType }>;

/** Everything core pushes to the UI. */
export const events = {
  /** Batched: one event per group commit, never one per delivery. */
  'delivery.added': z.object({ items: z.array(DeliveryListItem) }),
  'inboxes.changed': z.object({}),
  /** A sandbox bot's chats, webhook or queue changed; `chatId` when one chat did. */
  'sandbox.changed': z.object({ botId: z.number().int(), chatId: z.number().int().nullable() }),
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
