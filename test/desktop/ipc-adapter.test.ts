import { ipcChannel, METHOD_NAMES } from '@contract';
import { describe, expect, it } from 'vitest';
import { bindContractToIpc } from '../../src-main/desktop/ipc-adapter';
import { fakeService } from '../support/fake-service';
import { FakeIpcMain } from './support/fake-ipc';

const APP_PAGE = 'file:///app/out/renderer/index.html';

const setup = () => {
  const ipc = new FakeIpcMain();
  const service = fakeService();
  const dispose = bindContractToIpc(ipc, service, () => APP_PAGE);
  return { ipc, service, dispose };
};

describe('bindContractToIpc', () => {
  it('registers one handler per contract method, on inspector:<method>', () => {
    const { ipc } = setup();
    expect([...ipc.handlers.keys()].sort()).toEqual(METHOD_NAMES.map((m) => `inspector:${m}`).sort());
    expect(METHOD_NAMES.map(ipcChannel)).toEqual(METHOD_NAMES.map((m) => `inspector:${m}`));
  });

  it('passes a call from the app page to the service and returns its envelope', async () => {
    const { ipc, service } = setup();
    const result = await ipc.call('inspector:deliveries.list', { url: APP_PAGE }, { inbox: 'shop' });
    expect(result).toEqual({ ok: true, value: { items: [], total: 0 } });
    expect(service['deliveries.list']).toHaveBeenCalledWith({ inbox: 'shop', limit: 200 });
  });

  it('accepts the app page with a hash or query (client-side routes)', async () => {
    const { ipc, service } = setup();
    const result = await ipc.call('inspector:app.info', { url: `${APP_PAGE}#/deliveries/3` }, {});
    expect(result).toMatchObject({ ok: true });
    expect(service['app.info']).toHaveBeenCalledTimes(1);
  });

  it.each([
    ['another local file', { url: 'file:///tmp/evil.html' }],
    ['a sibling file in the app folder', { url: 'file:///app/out/renderer/other.html' }],
    ['an https page', { url: 'https://evil.example/' }],
    ['an https page whose path is the app path', { url: 'https://evil.example/app/out/renderer/index.html' }],
    ['a URL containing the app page as a substring', { url: `https://evil.example/?next=${APP_PAGE}` }],
    [
      'a file URL that merely contains the app path',
      { url: `file:///tmp/x${'/app/out/renderer/index.html'}` },
    ],
    ['a file on another host', { url: 'file://evil-share/app/out/renderer/index.html' }],
    ['a URL that does not parse', { url: 'not a url' }],
    ['an empty URL', { url: '' }],
    ['a missing senderFrame', null],
    ['an undefined senderFrame', undefined],
  ])('refuses %s with unauthorized, and never calls the service', async (_label, frame) => {
    const { ipc, service } = setup();
    for (const method of METHOD_NAMES) {
      const result = await ipc.call(ipcChannel(method), frame, {});
      expect(result).toMatchObject({ ok: false, error: { error: 'unauthorized' } });
    }
    for (const fn of Object.values(service)) expect(fn).not.toHaveBeenCalled();
  });

  it('refuses invalid input with bad-input, and never calls the service', async () => {
    const { ipc, service } = setup();
    const result = await ipc.call('inspector:deliveries.get', { url: APP_PAGE }, { id: -1 });
    expect(result).toMatchObject({ ok: false, error: { error: 'bad-input' } });
    const extra = await ipc.call('inspector:inboxes.create', { url: APP_PAGE }, { name: 'ok', admin: true });
    expect(extra).toMatchObject({ ok: false, error: { error: 'bad-input' } });
    expect(service['deliveries.get']).not.toHaveBeenCalled();
    expect(service['inboxes.create']).not.toHaveBeenCalled();
  });

  it('reads the app page URL at call time (the window may load another URL later)', async () => {
    const ipc = new FakeIpcMain();
    const service = fakeService();
    let page = 'http://localhost:5173/';
    bindContractToIpc(ipc, service, () => page);
    expect(await ipc.call('inspector:app.info', { url: 'http://localhost:5173/' }, {})).toMatchObject({
      ok: true,
    });
    page = APP_PAGE;
    expect(await ipc.call('inspector:app.info', { url: 'http://localhost:5173/' }, {})).toMatchObject({
      ok: false,
      error: { error: 'unauthorized' },
    });
  });

  it('returns a disposer that removes every handler', () => {
    const { ipc, dispose } = setup();
    expect(ipc.handlers.size).toBe(METHOD_NAMES.length);
    dispose();
    expect(ipc.handlers.size).toBe(0);
    // Binding again after disposing works (no handler left behind).
    bindContractToIpc(ipc, fakeService(), () => APP_PAGE);
    expect(ipc.handlers.size).toBe(METHOD_NAMES.length);
  });
});
