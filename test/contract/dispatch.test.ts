import { describe, expect, it, vi } from 'vitest';
import { asContractError, dispatch, dispatchPart } from '../../src-main/contract/dispatch';
import { ContractError, ERROR_STATUS } from '../../src-main/contract/errors';
import { fakeService } from '../support/fake-service';

describe('dispatch', () => {
  it('calls the method with the parsed input and wraps its value', async () => {
    const service = fakeService();
    const result = await dispatch(service, 'deliveries.get', { id: 3 });
    expect(service['deliveries.get']).toHaveBeenCalledWith({ id: 3 });
    expect(result).toMatchObject({ ok: true, value: { id: 3 } });
  });

  it.each([
    ['a name that is not a method', 'deliveries.purge'],
    ['a prototype property', 'constructor'],
    ['a non-string', 42],
    ['undefined', undefined],
  ])('refuses %s with unknown-method, calling nothing', async (_label, method) => {
    const service = fakeService();
    const result = await dispatch(service, method, {});
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.error).toBe('unknown-method');
    for (const fn of Object.values(service)) expect(fn).not.toHaveBeenCalled();
  });

  it('refuses invalid input with bad-input naming the field, without calling the method', async () => {
    const service = fakeService();
    const result = await dispatch(service, 'deliveries.get', { id: 'seven' });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.error).toBe('bad-input');
      expect(result.error.message).toMatch(/^id: /);
    }
    expect(service['deliveries.get']).not.toHaveBeenCalled();
  });

  it.each([
    ['deliveries.list', { limit: 0 }, 'limit'],
    ['deliveries.list', { limit: 1001 }, 'limit'],
    ['deliveries.list', { before: -1 }, 'before'],
    ['deliveries.list', { inbox: 'no spaces' }, 'inbox'],
    ['deliveries.list', { query: 'a\u0000b' }, 'query: control characters are not allowed'],
    ['deliveries.list', { kind: '\u0007' }, 'kind: control characters are not allowed'],
    ['deliveries.list', { userId: '4\u007f2' }, 'userId: control characters are not allowed'],
    ['inboxes.create', { name: '' }, 'name'],
    ['inboxes.create', { name: 'x'.repeat(65) }, 'name'],
  ] as const)('refuses %s %j as bad-input about "%s"', async (method, input, field) => {
    const service = fakeService();
    const result = await dispatch(service, method, input);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.error).toBe('bad-input');
      expect(result.error.message).toContain(field);
    }
    expect(service[method]).not.toHaveBeenCalled();
  });

  it('refuses unknown keys (inputs are strict)', async () => {
    const service = fakeService();
    const result = await dispatch(service, 'app.info', { sneaky: true });
    expect(result).toMatchObject({ ok: false, error: { error: 'bad-input' } });
    expect(service['app.info']).not.toHaveBeenCalled();
  });

  it('applies defaults: deliveries.list gets limit 200, also for a missing input', async () => {
    const service = fakeService();
    await dispatch(service, 'deliveries.list', {});
    await dispatch(service, 'deliveries.list', undefined);
    await dispatch(service, 'deliveries.list', null);
    expect(vi.mocked(service['deliveries.list']).mock.calls).toEqual([
      [{ limit: 200 }],
      [{ limit: 200 }],
      [{ limit: 200 }],
    ]);
  });

  it('keeps the code of a ContractError a handler throws', async () => {
    const service = fakeService({
      'deliveries.get': () => {
        throw new ContractError('not-found', 'There is no delivery #9.');
      },
    });
    expect(await dispatch(service, 'deliveries.get', { id: 9 })).toEqual({
      ok: false,
      error: { error: 'not-found', message: 'There is no delivery #9.' },
    });
  });

  it('turns a plain Error (thrown or rejected) into internal, keeping its message', async () => {
    const thrower = fakeService({
      'app.info': () => {
        throw new Error('database is locked');
      },
    });
    const rejecter = fakeService({ 'inboxes.list': () => Promise.reject(new Error('gone')) });
    const a = await dispatch(thrower, 'app.info', {});
    const b = await dispatch(rejecter, 'inboxes.list', {});
    expect(a).toMatchObject({ ok: false, error: { error: 'internal' } });
    expect(b).toMatchObject({ ok: false, error: { error: 'internal' } });
    if (!a.ok) expect(a.error.message).toContain('database is locked');
    if (!b.ok) expect(b.error.message).toContain('gone');
  });

  it('asContractError wraps non-Error throwables', () => {
    const error = asContractError('a string');
    expect(error).toBeInstanceOf(ContractError);
    expect(error.code).toBe('internal');
    expect(error.message).toContain('a string');
  });
});

describe('ContractError', () => {
  it('round-trips through toBody and fromBody for every code', () => {
    for (const code of Object.keys(ERROR_STATUS) as Array<keyof typeof ERROR_STATUS>) {
      const original = new ContractError(code, `message for ${code}`);
      const copy = ContractError.fromBody(JSON.parse(JSON.stringify(original.toBody())));
      expect(copy).toBeInstanceOf(ContractError);
      expect(copy.code).toBe(code);
      expect(copy.message).toBe(`message for ${code}`);
    }
  });

  it.each([
    ['null', null],
    ['a string', 'not-found'],
    ['an unknown code', { error: 'teapot', message: 'x' }],
    ['a missing message', { error: 'not-found' }],
    ['a number message', { error: 'not-found', message: 5 }],
    ['a prototype key as code', { error: 'toString', message: 'x' }],
  ])('reads garbage (%s) as internal', (_label, body) => {
    const error = ContractError.fromBody(body);
    expect(error.code).toBe('internal');
    expect(error.message.length).toBeGreaterThan(0);
  });

  it('maps every code to an HTTP status', () => {
    expect(ERROR_STATUS).toMatchObject({
      'bad-input': 400,
      unauthorized: 401,
      'not-found': 404,
      'unknown-method': 404,
      internal: 500,
    });
  });
});

describe('dispatchPart', () => {
  const part = () => {
    const service = fakeService();
    return { service, part: { 'deliveries.get': service['deliveries.get'] } };
  };

  it('calls a method of the part with the parsed input, held to the same schema', async () => {
    const { service, part: some } = part();
    expect(await dispatchPart(some, 'deliveries.get', { id: 3 })).toMatchObject({
      ok: true,
      value: { id: 3 },
    });
    const bad = await dispatchPart(some, 'deliveries.get', { id: -1 });
    expect(bad).toMatchObject({ ok: false, error: { error: 'bad-input' } });
    expect(service['deliveries.get']).toHaveBeenCalledTimes(1);
  });

  it('answers unknown-method for a contract method the part does not hold', async () => {
    const { service, part: some } = part();
    const result = await dispatchPart(some, 'deliveries.list', {});
    expect(result).toMatchObject({ ok: false, error: { error: 'unknown-method' } });
    expect(service['deliveries.list']).not.toHaveBeenCalled();
  });
});
