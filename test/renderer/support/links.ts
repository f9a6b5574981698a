import type { Command, DeliveryDetail, Invocation, LinkVerdict, Output } from '@contract';
import { makeDetail, makeItem } from './deliveries';

export function makeCommand(name: string, body = `res.json({ command: '${name}' });`): Command {
  return { name, body, updatedAt: '2024-01-01T12:00:00.000Z' };
}

export type SigningKey = Output<'links.keys'>['items'][number];

export function makeKey(kid: string, overrides: Partial<SigningKey> = {}): SigningKey {
  return { kid, createdAt: '2024-01-01T12:00:00.000Z', retiredAt: null, active: false, ...overrides };
}

export const VALID_VERDICT: LinkVerdict = {
  valid: true,
  check: null,
  reason: null,
  fields: {
    botId: 7,
    command: 'syncGameData',
    user: '123',
    options: '{"level":10}',
    params: [
      ['ref', 'profile'],
      ['lang', 'en'],
    ],
    redirect: 'https://telebothost.com',
    expiresAt: null,
    kid: 'k2',
  },
};

export function makeInvocation(overrides: Partial<Invocation> = {}): Invocation {
  return {
    profileId: 1,
    command: 'syncGameData',
    userId: '123',
    options: '{"level":10}',
    params: [['ref', 'profile']],
    outcome: 'ok',
    reason: null,
    check: null,
    logs: ['opened by {"id":123}', 'level 10'],
    sent: [{ chatId: 123, text: 'Synced!', ok: true, result: '{"message_id":5}' }],
    durationMs: 12,
    responseTruncated: false,
    ...overrides,
  };
}

/** A signed-link hit as core records it: a GET with no body, the inputs in the signed query. */
export function makeInvocationDetail(id: number, invocation: Partial<Invocation> = {}): DeliveryDetail {
  const item = makeItem(id, {
    method: 'GET',
    path: '/ownlang/webhook/7',
    updateId: null,
    bodySize: 0,
    summary: {
      platform: 'signed-link',
      kind: 'invocation',
      updateId: null,
      user: { id: '123', name: null, username: null, language: null },
      chat: { id: '123', type: null },
      text: 'syncGameData',
    },
  });
  return makeDetail(id, {
    ...item,
    query: 'command=syncGameData&options=%7B%22level%22%3A10%7D&sig=k2.abc&user=123&ref=profile',
    headers: [['Host', '127.0.0.1:8787']],
    body: { base64: '', text: '', omitted: false },
    response: { status: 200, body: '{"status":"success"}' },
    invocation: makeInvocation(invocation),
  });
}
