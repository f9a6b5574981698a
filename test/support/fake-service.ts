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
  });
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
    ...overrides,
  };
  return Object.fromEntries(
    Object.entries(base).map(([name, fn]) => [name, vi.fn(fn as (...args: unknown[]) => unknown)]),
  ) as unknown as Mocked<Service>;
}
