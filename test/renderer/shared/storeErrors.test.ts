import { ContractError } from '@contract';
import { describe, expect, it } from 'vitest';
import { localError, toCallError } from '../../../src-renderer/api/callError';
import { createInboxesStore } from '../../../src-renderer/features/inboxes/store';
import { createPeopleStore } from '../../../src-renderer/features/people/store';
import { createReplayStore } from '../../../src-renderer/features/replay/store';
import { createFakeClient } from '../support/fakeClient';

// Issue 14: every store keeps a failure as a CallError (code, message, details),
// whether the inspector refused the call or the renderer caught the problem first.
describe('feature stores keep their errors as CallError', () => {
  it('keeps the code and message of a refused call', async () => {
    const fake = createFakeClient({
      'people.add': () => {
        throw new ContractError('forbidden', 'Only an owner may add people.');
      },
    });
    const store = createPeopleStore(fake.client);
    expect(await store.getState().add('Ann', 'viewer')).toBe(false);
    expect(store.getState().addError).toEqual({
      code: 'forbidden',
      message: 'Only an owner may add people.',
      details: null,
    });
  });

  it('leads the message with what failed when the store names it', async () => {
    const fake = createFakeClient({
      'replay.forgetTarget': () => {
        throw new ContractError('not-found', 'No such target.');
      },
    });
    const store = createReplayStore(fake.client);
    await store.getState().forgetTarget({
      inbox: 'default',
      url: 'http://127.0.0.1:9/hook',
      name: null,
      usedAt: '2024-01-01T00:00:00.000Z',
    });
    expect(store.getState().targetsError).toEqual({
      code: 'not-found',
      message: 'Could not forget the target: No such target.',
      details: null,
    });
  });

  it('keeps a problem found before any call in the same shape, without a code', async () => {
    const fake = createFakeClient({});
    const store = createInboxesStore(fake.client);
    expect(await store.getState().create('')).toBeNull();
    const error = store.getState().createError;
    expect(error).toMatchObject({ code: null, details: null });
    expect(error?.message).not.toBe('');
    expect(fake.calls('inboxes.create')).toHaveLength(0);
  });

  it('toCallError and localError build plain data', () => {
    expect(toCallError(new Error('boom'), 'Could not save')).toEqual({
      code: null,
      message: 'Could not save: boom',
      details: null,
    });
    expect(localError('Fix the fields.')).toEqual({ code: null, message: 'Fix the fields.', details: null });
  });
});
