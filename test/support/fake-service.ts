import type { DeliveryDetail, Service } from '@contract';
import { type Mock, vi } from 'vitest';

type Mocked<S> = { [K in keyof S]: S[K] & Mock };

/** A Service whose every method is a vi.fn with a plausible answer; override any of them. */
export function fakeService(overrides: Partial<Service> = {}): Mocked<Service> {
  const detail = (id: number): DeliveryDetail => ({
    id,
    inbox: 'default',
    receivedAt: new Date(0).toISOString(),
    method: 'POST',
    path: '/webhook',
    responseStatus: 200,
    updateId: null,
    problem: null,
    duplicateOf: null,
    bodySize: 0,
    summary: { platform: 'unknown', kind: 'unknown', updateId: null, user: null, chat: null, text: null },
    query: '',
    headers: [],
    remoteAddress: null,
    body: { base64: '', text: '', omitted: false },
    response: { status: 200, body: '{"ok":true}' },
    invocation: null,
  });
  const profile = (id: number, name: string) => ({
    id,
    name,
    platform: 'telegram' as const,
    baseUrl: 'http://127.0.0.1:2',
    publicUrl: '',
    inbox: 'default',
    appId: null,
    hasToken: true,
    hasJwt: false,
    sandbox: false,
    createdAt: new Date(0).toISOString(),
  });
  const webhookInfo = {
    url: '',
    hasCustomCertificate: false,
    pendingUpdateCount: 0,
    ipAddress: null,
    lastErrorDate: null,
    lastErrorMessage: null,
    lastSynchronizationErrorDate: null,
    maxConnections: null,
    allowedUpdates: null,
  };
  const base: Service = {
    'app.info': () => ({
      version: 'test',
      receiverUrl: 'http://127.0.0.1:1',
      dataDir: '/nowhere',
      maxBodyBytes: 1024,
      durability: 'full',
      defaultInbox: 'default',
    }),
    'deliveries.list': () => ({ items: [], total: 0 }),
    'deliveries.get': ({ id }) => detail(id),
    'inboxes.list': () => ({ items: [] }),
    'inboxes.create': ({ name }) => ({
      name,
      createdAt: new Date(0).toISOString(),
      deliveryCount: 0,
      url: '',
    }),
    'profiles.list': () => ({ items: [] }),
    'profiles.create': (input) => profile(1, input.name),
    'profiles.update': (input) => profile(input.id, input.name),
    'profiles.delete': () => ({ deleted: true as const }),
    'webhook.info': () => webhookInfo,
    'webhook.set': () => webhookInfo,
    'webhook.delete': () => webhookInfo,
    'messages.send': (input) => ({
      id: 1,
      profileId: input.profileId,
      chatId: input.chatId,
      text: input.text,
      deliveryId: input.deliveryId ?? null,
      sentAt: new Date(0).toISOString(),
      ok: true,
      result: '{}',
    }),
    'messages.history': () => ({ items: [] }),
    'logs.list': () => ({ items: [] }),
    'sandbox.info': () => ({
      url: 'http://127.0.0.1:2',
      botId: 1,
      username: 'sandbox_bot',
      token: '1:t',
      profileId: 1,
    }),
    'sandbox.chats': () => ({ items: [] }),
    'sandbox.messages': () => ({ items: [] }),
    'sandbox.say': (input) => ({ updateId: 1, messageId: 1, chatId: input.chatId ?? input.userId }),
    'commands.list': () => ({ items: [] }),
    'commands.save': ({ name, body }) => ({ name, body, updatedAt: new Date(0).toISOString() }),
    'commands.delete': () => ({ deleted: true as const }),
    'links.sign': () => ({
      url: 'http://127.0.0.1:1/ownlang/webhook/1?command=a',
      kid: 'k00000000',
      expiresAt: null,
    }),
    'links.verify': () => ({ valid: false, check: 'malformed', reason: 'fake', fields: null }),
    'links.keys': () => ({ items: [] }),
    'links.rotateKey': () => ({
      kid: 'k00000001',
      createdAt: new Date(0).toISOString(),
      retiredAt: null,
      active: true,
    }),
    'links.retireKey': () => ({ retired: true as const }),
    'replay.start': () => ({ jobId: 'job-1', total: 1, done: 0, failed: 0, state: 'running' as const }),
    'replay.cancel': ({ jobId }) => ({ jobId, total: 1, done: 0, failed: 0, state: 'running' as const }),
    'replay.attempts': () => ({ items: [] }),
    ...overrides,
  };
  return Object.fromEntries(
    Object.entries(base).map(([name, fn]) => [name, vi.fn(fn as (...args: unknown[]) => unknown)]),
  ) as unknown as Mocked<Service>;
}
