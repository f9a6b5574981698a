import { ContractError, type InspectorBridge } from '@contract';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createClient } from '../../../src-renderer/api/client';
import { createWebFileRoutes } from '../../../src-renderer/api/fileRoutes';
import { createIpcTransport } from '../../../src-renderer/api/ipcTransport';
import { createWebTransport, type WebTransportEnv } from '../../../src-renderer/api/webTransport';
import { fakeDesktop } from '../support/desktop';

beforeEach(() => {
  window.sessionStorage.clear();
  window.history.replaceState(null, '', '/?token=s3cret');
});
afterEach(() => window.history.replaceState(null, '', '/'));

function webEnv(fetchImpl: WebTransportEnv['fetch']): WebTransportEnv {
  return {
    location: window.location,
    history: window.history,
    storage: window.sessionStorage,
    fetch: fetchImpl,
    openSocket: () => ({ onopen: null, onmessage: null, onclose: null, close() {} }),
    setTimeout: (callback, ms) => setTimeout(callback, ms),
    clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  };
}

describe('file routes', () => {
  it('come with the web transport, which knows the token and the origin', async () => {
    const fetchMock = vi.fn<typeof fetch>(async () => Response.json({ file: 'upload-1.ndjson', size: 4 }));
    const files = createClient(createWebTransport(webEnv(fetchMock))).files;
    if (files?.kind !== 'browser') throw new Error('the web transport has no file routes');
    const origin = window.location.origin;
    expect(files.downloadUrl('deliveries-1.ndjson')).toBe(
      `${origin}/downloads/deliveries-1.ndjson?token=s3cret`,
    );

    const body = new Blob(['{}\n']);
    await expect(files.upload(body, 'my export.ndjson')).resolves.toEqual({
      file: 'upload-1.ndjson',
      size: 4,
    });
    const [url, init] = fetchMock.mock.calls[0] ?? [];
    expect(url).toBe(`${origin}/uploads?name=my+export.ndjson`);
    // In a header, not the address: a team server opened from another origin takes it only so.
    expect(init).toMatchObject({ method: 'POST', body, headers: { Authorization: 'Bearer s3cret' } });
  });

  it('are the native dialogs on the desktop IPC transport, over the shell’s named channels', async () => {
    const desktop = fakeDesktop({
      'files.saveExport': () => ({ path: '/home/ada/Downloads/a.ndjson' }),
      'files.openImport': () => ({ picked: { file: 'upload-1.har', size: 9, name: 'a.har' } }),
    });
    const bridge: InspectorBridge = { invoke: vi.fn(), subscribe: () => () => {}, desktop: desktop.bridge };
    const files = createClient(createIpcTransport(bridge)).files;
    if (files?.kind !== 'native') throw new Error('the desktop transport has no dialogs');
    await expect(files.saveExport('a.ndjson')).resolves.toEqual({ path: '/home/ada/Downloads/a.ndjson' });
    expect(desktop.invoke).toHaveBeenCalledWith('files.saveExport', { file: 'a.ndjson' });
    await expect(files.openImport()).resolves.toEqual({ file: 'upload-1.har', size: 9, name: 'a.har' });
    // The contract's method calls stay on their own channel.
    expect(bridge.invoke).not.toHaveBeenCalled();
  });

  it('turn a network failure or an odd answer into a ContractError', async () => {
    const down = createWebFileRoutes({
      origin: 'http://127.0.0.1:1',
      token: null,
      fetch: async () => {
        throw new TypeError('Failed to fetch');
      },
    });
    await expect(down.upload(new Blob([]), 'a.har')).rejects.toMatchObject({ code: 'unavailable' });
    expect(down.downloadUrl('a b.har')).toBe('http://127.0.0.1:1/downloads/a%20b.har');

    const odd = createWebFileRoutes({
      origin: 'http://x',
      token: 't',
      fetch: async () => Response.json({ ok: 1 }),
    });
    await expect(odd.upload(new Blob([]), 'a.har')).rejects.toBeInstanceOf(ContractError);
  });
});
