import { ContractError, type Inbox } from '@contract';
import { describe, expect, it } from 'vitest';
import { createInboxesStore } from '../../../src-renderer/features/inboxes/store';
import { createFakeClient, settle } from '../support/fakeClient';

const inbox = (name: string): Inbox => ({
  name,
  createdAt: '2024-01-01T00:00:00.000Z',
  deliveryCount: 0,
  url: `http://127.0.0.1:8787/webhook/${name}`,
});

describe('inboxes store: create', () => {
  it('returns the new inbox and reloads the list, without duplicates when inboxes.changed follows', async () => {
    const names = ['default'];
    const fake = createFakeClient({
      'inboxes.list': () => ({ items: names.map(inbox) }),
      'inboxes.create': ({ name }) => {
        names.push(name);
        return inbox(name);
      },
    });
    const store = createInboxesStore(fake.client);
    store.getState().start();
    await settle();

    const pending = store.getState().create('shop');
    expect(store.getState().creating).toBe(true);
    expect(await store.getState().create('shop')).toBeNull();
    expect(await pending).toEqual(inbox('shop'));
    fake.emit('inboxes.changed', {});
    await settle();

    const state = store.getState();
    expect(fake.calls('inboxes.create')).toHaveLength(1);
    expect(state.creating).toBe(false);
    expect(state.createError).toBeNull();
    expect(state.items.map((item) => item.name)).toEqual(['default', 'shop']);
  });

  it("keeps the server's message when it refuses", async () => {
    const fake = createFakeClient({
      'inboxes.list': () => ({ items: [inbox('default')] }),
      'inboxes.create': ({ name }) => {
        throw new ContractError('conflict', `An inbox named "${name}" already exists.`);
      },
    });
    const store = createInboxesStore(fake.client);
    expect(await store.getState().create('default')).toBeNull();
    expect(store.getState()).toMatchObject({
      creating: false,
      createError: { code: 'conflict', message: 'An inbox named "default" already exists.', details: null },
    });
    store.getState().clearCreateError();
    expect(store.getState().createError).toBeNull();
  });
});
