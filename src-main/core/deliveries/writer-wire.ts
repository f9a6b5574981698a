import type { EntityId, Invocation, Platform, Problem } from '@contract';
import type { NewDelivery } from './records';

/**
 * A delivery as it crosses to the writer thread: its values in a fixed
 * order. Structured clone writes out every property name of every object it
 * copies; values in an array cross in about half the time, and are read
 * back in half again (this is the receiver's hot path, once per delivery).
 * A user (or chat) is absent exactly when its id is: an id is never null.
 */
export type WireDelivery = [
  receivedAt: number,
  inbox: string,
  method: string,
  path: string,
  query: string,
  headers: Array<[string, string]>,
  remoteAddress: string | null,
  body: Uint8Array,
  bodySize: number,
  bodyOmitted: boolean,
  responseStatus: number,
  responseBody: string,
  problem: Problem | null,
  platform: Platform,
  kind: string,
  updateId: number | null,
  userId: EntityId | null,
  userName: string | null,
  userUsername: string | null,
  userLanguage: string | null,
  chatId: EntityId | null,
  chatType: string | null,
  text: string | null,
  invocation: Invocation | null,
];

export function toWire(row: NewDelivery): WireDelivery {
  const { summary: s } = row;
  return [
    row.receivedAt,
    row.inbox,
    row.method,
    row.path,
    row.query,
    row.headers,
    row.remoteAddress,
    row.body,
    row.bodySize,
    row.bodyOmitted,
    row.responseStatus,
    row.responseBody,
    row.problem,
    s.platform,
    s.kind,
    s.updateId,
    s.user?.id ?? null,
    s.user?.name ?? null,
    s.user?.username ?? null,
    s.user?.language ?? null,
    s.chat?.id ?? null,
    s.chat?.type ?? null,
    s.text,
    row.invocation ?? null,
  ];
}

/** Structured clone turns a Buffer into a plain Uint8Array: the body gets its Buffer back. */
export function fromWire(w: WireDelivery): NewDelivery {
  const [
    receivedAt,
    inbox,
    method,
    path,
    query,
    headers,
    remoteAddress,
    bytes,
    bodySize,
    bodyOmitted,
    responseStatus,
    responseBody,
    problem,
    platform,
    kind,
    updateId,
    userId,
    name,
    username,
    language,
    chatId,
    type,
    text,
    invocation,
  ] = w;
  return {
    receivedAt,
    inbox,
    method,
    path,
    query,
    headers,
    remoteAddress,
    body: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
    bodySize,
    bodyOmitted,
    responseStatus,
    responseBody,
    problem,
    summary: {
      platform,
      kind,
      updateId,
      user: userId === null ? null : { id: userId, name, username, language },
      chat: chatId === null ? null : { id: chatId, type },
      text,
    },
    ...(invocation === null ? {} : { invocation }),
  };
}
