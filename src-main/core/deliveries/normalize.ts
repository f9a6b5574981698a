import type { EntityId, Summary, SummaryChat, SummaryUser } from '@contract';

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const str = (value: unknown): string | null => (typeof value === 'string' ? value : null);

const entityId = (value: unknown): EntityId | null =>
  (typeof value === 'number' && Number.isFinite(value)) || (typeof value === 'string' && value !== '')
    ? value
    : null;

const updateIdOf = (value: unknown): number | null =>
  typeof value === 'number' && Number.isSafeInteger(value) ? value : null;

/** Telegram Update fields that carry a message-like object. */
const TELEGRAM_MESSAGE_KINDS = [
  'message',
  'edited_message',
  'channel_post',
  'edited_channel_post',
  'business_message',
  'edited_business_message',
] as const;

/** Every Update field Telegram documents; one of them makes a Telegram update. */
const TELEGRAM_KINDS = new Set<string>([
  ...TELEGRAM_MESSAGE_KINDS,
  'business_connection',
  'deleted_business_messages',
  'message_reaction',
  'message_reaction_count',
  'inline_query',
  'chosen_inline_result',
  'callback_query',
  'shipping_query',
  'pre_checkout_query',
  'purchased_paid_media',
  'poll',
  'poll_answer',
  'my_chat_member',
  'chat_member',
  'chat_join_request',
  'chat_boost',
  'removed_chat_boost',
]);

export const UNKNOWN_SUMMARY: Summary = {
  platform: 'unknown',
  kind: 'unknown',
  updateId: null,
  user: null,
  chat: null,
  text: null,
};

/**
 * One summary for both platforms' updates. Anything else is `unknown`: the
 * caller keeps the whole body and flags its shape.
 */
export function normalizeUpdate(body: unknown): Summary {
  if (!isObject(body)) return UNKNOWN_SUMMARY;
  const updateId = updateIdOf(body.update_id);
  if (updateId === null) return UNKNOWN_SUMMARY;
  return solafon(body, updateId) ?? telegram(body, updateId) ?? { ...UNKNOWN_SUMMARY, updateId };
}

/** Solafon (seed 004): the message fields sit at the top level of the update. */
function solafon(body: Json, updateId: number): Summary | null {
  if (!isObject(body.from) || !isObject(body.chat)) return null;
  if (!('message_id' in body) && !('text' in body)) return null;
  const from = body.from;
  const id = entityId(from.id);
  return {
    platform: 'solafon',
    kind: 'message',
    updateId,
    user:
      id === null
        ? null
        : { id, name: str(from.name), username: str(from.email), language: str(from.language) },
    chat: chatOf(body.chat),
    text: str(body.text),
  };
}

function telegram(body: Json, updateId: number): Summary | null {
  const kind = Object.keys(body).find((key) => TELEGRAM_KINDS.has(key) && isObject(body[key]));
  if (kind === undefined) return null;
  const payload = body[kind] as Json;
  return {
    platform: 'telegram',
    kind,
    updateId,
    user: telegramUser(payload.from ?? payload.user ?? payload.sender_chat),
    chat: chatOf(payload.chat ?? (isObject(payload.message) ? payload.message.chat : undefined)),
    text: telegramText(kind, payload),
  };
}

function telegramText(kind: string, payload: Json): string | null {
  if ((TELEGRAM_MESSAGE_KINDS as readonly string[]).includes(kind)) {
    return str(payload.text) ?? str(payload.caption);
  }
  if (kind === 'callback_query') return str(payload.data);
  if (kind === 'inline_query' || kind === 'chosen_inline_result') return str(payload.query);
  return null;
}

function telegramUser(from: unknown): SummaryUser | null {
  if (!isObject(from)) return null;
  const id = entityId(from.id);
  if (id === null) return null;
  const name = [str(from.first_name), str(from.last_name)].filter(Boolean).join(' ') || str(from.title);
  return { id, name, username: str(from.username), language: str(from.language_code) };
}

function chatOf(chat: unknown): SummaryChat | null {
  if (!isObject(chat)) return null;
  const id = entityId(chat.id);
  return id === null ? null : { id, type: str(chat.type) };
}
