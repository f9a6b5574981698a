import type { DeliveryDetail, DeliveryListItem } from '@contract';

export function makeItem(id: number, overrides: Partial<DeliveryListItem> = {}): DeliveryListItem {
  return {
    id,
    inbox: 'default',
    receivedAt: new Date(Date.UTC(2024, 0, 1, 12, 0, 0) + id).toISOString(),
    method: 'POST',
    path: '/webhook',
    responseStatus: 200,
    updateId: id,
    problem: null,
    duplicateOf: null,
    bodySize: 100,
    summary: {
      platform: 'solafon',
      kind: 'message',
      updateId: id,
      user: { id: 42, name: 'Ada', username: 'ada', language: 'en' },
      chat: { id: 42, type: 'private' },
      text: `message ${id}`,
    },
    ...overrides,
  };
}

/** Items `from`..`to` inclusive, newest first, as a page comes from `deliveries.list`. */
export function makePage(
  from: number,
  to: number,
  overrides: Partial<DeliveryListItem> = {},
): DeliveryListItem[] {
  const items: DeliveryListItem[] = [];
  for (let id = to; id >= from; id--) items.push(makeItem(id, overrides));
  return items;
}

export function makeDetail(id: number, overrides: Partial<DeliveryDetail> = {}): DeliveryDetail {
  const text = JSON.stringify({ update_id: id, text: `message ${id}` });
  return {
    ...makeItem(id),
    query: '',
    headers: [
      ['Host', '127.0.0.1:8787'],
      ['Content-Type', 'application/json'],
      ['Content-Length', String(text.length)],
    ],
    remoteAddress: '127.0.0.1',
    body: { base64: btoa(text), text, omitted: false },
    response: { status: 200, body: '{"status":"success"}' },
    invocation: null,
    ...overrides,
  };
}

export const ids = (items: ReadonlyArray<{ id: number }>) => items.map((item) => item.id);
