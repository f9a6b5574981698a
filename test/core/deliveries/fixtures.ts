import type { Invocation, Problem, Summary } from '@contract';
import type { NewDelivery } from '../../../src-main/core/deliveries/records';

// Deliveries as the receiver hands them to a store, for the store's tests.

export const summaryFor = (updateId: number | null): Summary => ({
  platform: updateId === null ? 'unknown' : 'solafon',
  kind: updateId === null ? 'unknown' : 'message',
  updateId,
  user: updateId === null ? null : { id: 456, name: 'John', username: 'user@example.com', language: 'en' },
  chat: updateId === null ? null : { id: 456, type: 'private' },
  text: updateId === null ? null : `text ${updateId}`,
});

let clock = 1_700_000_000_000;

export function delivery(
  updateId: number | null,
  overrides: Partial<Omit<NewDelivery, 'summary'>> & {
    problem?: Problem | null;
    summary?: Partial<Summary>;
  } = {},
): NewDelivery {
  const body = Buffer.from(JSON.stringify({ update_id: updateId }));
  clock += 1;
  const { summary, ...rest } = overrides;
  return {
    receivedAt: clock,
    inbox: 'default',
    method: 'POST',
    path: '/webhook',
    query: '',
    headers: [['Content-Type', 'application/json']],
    remoteAddress: '127.0.0.1',
    body,
    bodySize: body.length,
    bodyOmitted: false,
    responseStatus: 200,
    responseBody: '{"ok":true}',
    problem: null,
    ...rest,
    summary: { ...summaryFor(updateId), ...summary },
  };
}

export const invocation = (overrides: Partial<Invocation> = {}): Invocation => ({
  profileId: 3,
  command: 'hello',
  userId: '42',
  options: '{"b":1,"a":2}',
  params: [
    ['b', '2'],
    ['a', '1'],
  ],
  outcome: 'ok',
  reason: null,
  check: null,
  logs: ['one', 'two'],
  sent: [
    { chatId: 42, text: 'hi', ok: true, result: '{"ok":true,"result":{"message_id":1}}' },
    { chatId: '-100123', text: 'there', ok: false, result: 'Bad Request' },
    { chatId: null, text: '', ok: false, result: '' },
  ],
  durationMs: 12,
  responseTruncated: false,
  ...overrides,
});

/** A signed-link hit, as the receiver stores one. */
export const linkHit = (inv: Invocation, overrides: Partial<NewDelivery> = {}): NewDelivery =>
  delivery(null, {
    method: 'GET',
    path: '/link/hello',
    query: 'u=42&sig=abc',
    headers: [],
    body: Buffer.alloc(0),
    bodySize: 0,
    responseBody: '{"status":"success"}',
    summary: {
      platform: 'signed-link',
      kind: 'invocation',
      user: { id: 42, name: 'Link', username: null, language: null },
      chat: { id: 42, type: 'private' },
    },
    invocation: inv,
    ...overrides,
  });
