import { ContractError, type Envelope, type EventName, type InspectorBridge } from '@contract';
import { describe, expect, it, vi } from 'vitest';
import { createClient } from '../../../src-renderer/api/client';
import { createIpcTransport } from '../../../src-renderer/api/ipcTransport';
import { fakeDesktop } from '../support/desktop';

function fakeBridge(answer: (method: string, input: unknown) => Envelope<unknown>) {
  let push: (name: EventName, payload: unknown) => void = () => {};
  const bridge: InspectorBridge = {
    invoke: vi.fn(async (method, input) => answer(method, input)),
    subscribe: (listener) => {
      push = listener;
      return () => {};
    },
    desktop: fakeDesktop().bridge,
  };
  return { bridge, push: (name: EventName, payload: unknown) => push(name, payload) };
}

describe('client over the Electron preload bridge', () => {
  it('unwraps an ok envelope', async () => {
    const { bridge } = fakeBridge(() => ({ ok: true, value: { items: [], total: 0 } }));
    const client = createClient(createIpcTransport(bridge));
    await expect(client.call('deliveries.list', { limit: 1 })).resolves.toEqual({ items: [], total: 0 });
    expect(bridge.invoke).toHaveBeenCalledWith('deliveries.list', { limit: 1 });
  });

  it('throws the envelope error as a ContractError', async () => {
    const { bridge } = fakeBridge(() => ({
      ok: false,
      error: { error: 'bad-input', message: 'limit: too big' },
    }));
    const client = createClient(createIpcTransport(bridge));
    const error = await client.call('deliveries.list', { limit: 5000 }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ContractError);
    expect(error).toMatchObject({ code: 'bad-input', message: 'limit: too big' });
  });

  it('routes pushed events to the listeners of that name only, and reports itself live', () => {
    const { bridge, push } = fakeBridge(() => ({ ok: true, value: null }));
    const client = createClient(createIpcTransport(bridge));
    const added: unknown[] = [];
    const changed: unknown[] = [];
    client.on('delivery.added', (payload) => added.push(payload));
    const stop = client.on('inboxes.changed', (payload) => changed.push(payload));
    push('delivery.added', { items: [] });
    stop();
    push('inboxes.changed', {});
    expect(added).toEqual([{ items: [] }]);
    expect(changed).toEqual([]);
    const statuses: string[] = [];
    client.onStatus((status) => statuses.push(status));
    expect(statuses).toEqual(['live']);
  });
});
