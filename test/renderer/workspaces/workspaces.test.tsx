import { ContractError, type Workspace } from '@contract';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Root } from '../../../src-renderer/app/Root';
import { createSessionStore, WORKSPACE_STORAGE_KEY } from '../../../src-renderer/app/session';
import { workspaceLabel } from '../../../src-renderer/app/WorkspaceLabel';
import { createWorkspacesStore } from '../../../src-renderer/features/workspaces/store';
import { baseHandlers, change } from '../support/app';
import { deferred } from '../support/deferred';
import { makePage } from '../support/deliveries';
import { createFakeClient, type Handlers, settle } from '../support/fakeClient';
import { installFakeLayout } from '../support/layout';
import { LOCAL_WHOAMI, makeWorkspace, teamWhoami } from '../support/team';

installFakeLayout();
afterEach(cleanup);

const PROD = makeWorkspace(1, { name: 'Prod', url: 'https://inspector.example.com' });
const STAGING = makeWorkspace(2, { name: 'Staging', url: 'https://staging.example.com', role: 'viewer' });

function memoryStorage(initial: Record<string, string> = {}) {
  const values = new Map(Object.entries(initial));
  return {
    getItem: (key: string) => values.get(key) ?? null,
    setItem: (key: string, value: string) => void values.set(key, value),
    removeItem: (key: string) => void values.delete(key),
    values,
  };
}

/** A team server's client: its own deliveries (ids 10–11), and whoever its token names. */
function serverFake(role: 'viewer' | 'operator' | 'admin' = 'operator', handlers: Handlers = {}) {
  return createFakeClient({
    ...baseHandlers(),
    'app.whoami': () => teamWhoami(role),
    'deliveries.list': () => ({ items: makePage(10, 11, { inbox: 'default' }), total: 2 }),
    ...handlers,
  });
}

interface Setup {
  list?: Workspace[];
  home?: Handlers;
  servers?: Record<string, ReturnType<typeof serverFake>>;
  storage?: ReturnType<typeof memoryStorage>;
}

/** The whole app as main.tsx starts it, over a fake local inspector that keeps `list`. */
async function renderRoot({
  list = [PROD, STAGING],
  home = {},
  servers = {},
  storage = memoryStorage(),
}: Setup = {}) {
  let items = [...list];
  const homeFake = createFakeClient({
    ...baseHandlers(),
    'app.whoami': () => LOCAL_WHOAMI,
    'workspaces.list': () => ({ items }),
    'workspaces.open': ({ id }) => {
      const found = items.find((item) => item.id === id);
      if (found === undefined) throw new ContractError('not-found', `There is no team server #${id}.`);
      return { url: found.url, token: `token-of-${found.name}` };
    },
    // As core does: checked with the server (here: an admin's token), then kept.
    'workspaces.add': ({ name, url }) => {
      const added = makeWorkspace(items.length + 10, { name, url, role: 'admin' });
      items.push(added);
      return added;
    },
    'workspaces.remove': ({ id }) => {
      items = items.filter((item) => item.id !== id);
      return { removed: true as const };
    },
    ...home,
  });
  const closed: string[] = [];
  const connect = vi.fn((url: string, token: string) => {
    const server = servers[url] ?? serverFake();
    return { client: server.client, close: () => closed.push(`${url} ${token}`) };
  });
  const workspaces = createWorkspacesStore(homeFake.client);
  const sessions = createSessionStore({
    home: homeFake.client,
    connect,
    storage,
    stores: { deliveries: { scheduleFrame: () => {} } },
  });
  workspaces.getState().start();
  await sessions.getState().restore();
  render(<Root sessions={sessions} workspaces={workspaces} pageHost="127.0.0.1:5173" />);
  await act(settle);
  return {
    homeFake,
    connect,
    closed,
    storage,
    sessions,
  };
}

const label = () => screen.getByTestId('workspace-label').textContent;
const rows = () => screen.getAllByTestId('delivery-row').map((row) => row.dataset.deliveryId);

async function openDialog() {
  fireEvent.click(screen.getByTestId('workspace-switcher'));
  await act(settle);
  return screen.getByTestId('workspaces-dialog');
}

async function openFromDialog(name: string) {
  const dialog = await openDialog();
  const item = within(dialog)
    .getAllByTestId('workspace-item')
    .find((element) => element.textContent?.includes(name));
  if (item === undefined) throw new Error(`No ${name} in the dialog`);
  fireEvent.click(within(item).getByTestId('workspace-open'));
  await act(settle);
}

describe('workspaceLabel', () => {
  it('names a team server by host and the person by name and role; the local app is Local', () => {
    const where = { host: 'inspector.example.com', server: true };
    expect(workspaceLabel(where, teamWhoami('operator', 'Ada'))).toBe(
      'Team server inspector.example.com · Ada (operator)',
    );
    expect(workspaceLabel(where, null)).toBe('Team server inspector.example.com');
    expect(workspaceLabel({ host: '127.0.0.1:5173', server: false }, LOCAL_WHOAMI)).toBe('Local');
    // The desktop's own page (file://) has no host: it is the local app.
    expect(workspaceLabel({ host: '', server: false }, null)).toBe('Local');
    // A team server's own page, opened in a browser.
    expect(workspaceLabel({ host: 'inspector.example.com', server: false }, teamWhoami('viewer', 'V'))).toBe(
      'Team server inspector.example.com · V (viewer)',
    );
  });
});

describe('workspace switcher', () => {
  it('opens on Local and shows it in the header', async () => {
    const { connect } = await renderRoot();
    expect(label()).toBe('Local');
    expect(rows()).toEqual(['3', '2', '1']);
    expect(connect).not.toHaveBeenCalled();
  });

  it('switches to a team server: every store reads from it, with the token the app kept, and the header says as whom', async () => {
    const prod = serverFake('operator');
    const { connect, storage, homeFake } = await renderRoot({ servers: { [PROD.url]: prod } });
    const homeReads = homeFake.calls('deliveries.list').length;

    await openFromDialog('Prod');
    expect(connect).toHaveBeenCalledWith('https://inspector.example.com', 'token-of-Prod');
    expect(label()).toBe('Team server inspector.example.com · Ada (operator)');
    expect(rows()).toEqual(['11', '10']);
    expect(prod.calls('deliveries.list').length).toBeGreaterThan(0);
    expect(homeFake.calls('deliveries.list').length).toBe(homeReads);
    expect(storage.values.get(WORKSPACE_STORAGE_KEY)).toBe('1');
    // The dialog closed: the switch is done.
    expect(screen.queryByTestId('workspaces-dialog')).toBeNull();
  });

  it('goes back to Local, letting the server connection go', async () => {
    const { closed, storage } = await renderRoot();
    await openFromDialog('Prod');
    const dialog = await openDialog();
    fireEvent.click(within(within(dialog).getByTestId('workspace-local')).getByTestId('workspace-open'));
    await act(settle);
    expect(label()).toBe('Local');
    expect(rows()).toEqual(['3', '2', '1']);
    expect(closed).toEqual(['https://inspector.example.com token-of-Prod']);
    expect(storage.values.has(WORKSPACE_STORAGE_KEY)).toBe(false);
  });

  it('reopens the workspace open last time', async () => {
    const staging = serverFake('viewer');
    const { connect } = await renderRoot({
      storage: memoryStorage({ [WORKSPACE_STORAGE_KEY]: '2' }),
      servers: { [STAGING.url]: staging },
    });
    expect(connect).toHaveBeenCalledWith('https://staging.example.com', 'token-of-Staging');
    expect(label()).toBe('Team server staging.example.com · Ada (viewer)');
  });

  it('opens Local when the workspace open last time was removed since', async () => {
    const storage = memoryStorage({ [WORKSPACE_STORAGE_KEY]: '9' });
    const { connect } = await renderRoot({ storage });
    expect(connect).not.toHaveBeenCalled();
    expect(label()).toBe('Local');
    expect(storage.values.has(WORKSPACE_STORAGE_KEY)).toBe(false);
  });

  it('stays where it was, saying why, when a server cannot be opened', async () => {
    await renderRoot({
      home: {
        'workspaces.open': () => {
          throw new ContractError('conflict', 'The token kept for "Prod" cannot be decrypted here.');
        },
      },
    });
    await openFromDialog('Prod');
    expect(screen.getByTestId('workspace-error').textContent).toContain(
      'Could not open Prod: The token kept for "Prod" cannot be decrypted here.',
    );
    expect(label()).toBe('Local');
    expect(rows()).toEqual(['3', '2', '1']);
  });

  it('lets the last switch asked for win when an earlier one answers later', async () => {
    const slow = deferred<{ url: string; token: string }>();
    const { sessions, connect, closed } = await renderRoot({
      home: {
        'workspaces.open': ({ id }) =>
          id === PROD.id ? slow.promise : { url: STAGING.url, token: 'token-of-Staging' },
      },
    });
    const first = sessions.getState().open(PROD);
    await act(() => sessions.getState().open(STAGING));
    slow.resolve({ url: PROD.url, token: 'token-of-Prod' });
    await act(() => first);
    expect(label()).toMatch(/^Team server staging\.example\.com/);
    // Prod's connection was made after Staging won: it is closed at once, never shown.
    expect(connect).toHaveBeenCalledTimes(2);
    expect(closed).toEqual(['https://inspector.example.com token-of-Prod']);
  });

  it('adds a team server with URL and token, then opens it', async () => {
    const { homeFake } = await renderRoot({
      servers: { 'https://support.example.com': serverFake('admin') },
    });
    await openDialog();
    expect((screen.getByTestId('workspace-add-submit') as HTMLButtonElement).disabled).toBe(true);
    change('workspace-add-name', ' Support ');
    change('workspace-add-url', 'https://support.example.com ');
    change('workspace-add-token', ' bwi_secret_token_0123456789 ');
    expect((screen.getByTestId('workspace-add-token') as HTMLInputElement).type).toBe('password');
    fireEvent.click(screen.getByTestId('workspace-add-submit'));
    await act(settle);
    expect(homeFake.calls('workspaces.add').map((call) => call.input)).toEqual([
      { name: 'Support', url: 'https://support.example.com', token: 'bwi_secret_token_0123456789' },
    ]);
    expect(label()).toBe('Team server support.example.com · Ada (admin)');
  });

  it("shows the server's reason when a team server cannot be added, and keeps the form", async () => {
    await renderRoot({
      home: {
        'workspaces.add': () => {
          throw new ContractError('bad-input', 'https://x.example.com refused the token.');
        },
      },
    });
    await openDialog();
    change('workspace-add-name', 'X');
    change('workspace-add-url', 'https://x.example.com');
    change('workspace-add-token', 'bwi_wrong_token_0123456789');
    fireEvent.click(screen.getByTestId('workspace-add-submit'));
    await act(settle);
    expect(screen.getByTestId('workspace-add-error').textContent).toBe(
      'https://x.example.com refused the token.',
    );
    expect(screen.getByTestId('workspaces-dialog')).toBeTruthy();
    expect(label()).toBe('Local');
  });

  it('removes a server in two steps; removing the open one goes back to Local', async () => {
    const { storage } = await renderRoot();
    await openFromDialog('Prod');
    const dialog = await openDialog();
    const prod = within(dialog).getAllByTestId('workspace-item')[0] as HTMLElement;
    fireEvent.click(within(prod).getByTestId('workspace-remove'));
    fireEvent.click(within(prod).getByTestId('workspace-remove-confirm'));
    await act(settle);
    expect(label()).toBe('Local');
    expect(storage.values.has(WORKSPACE_STORAGE_KEY)).toBe(false);
    const left = within(await openDialog()).getAllByTestId('workspace-item');
    expect(left.map((item) => item.dataset.id)).toEqual(['2']);
  });

  it("offers no switcher on a team server's own page: the list belongs to the app on a person's machine", async () => {
    const { homeFake } = await renderRoot({ home: { 'app.whoami': () => teamWhoami('viewer', 'V') } });
    expect(screen.queryByTestId('workspace-switcher')).toBeNull();
    expect(label()).toBe('Team server 127.0.0.1:5173 · V (viewer)');
    expect(homeFake.calls('workspaces.list')).toEqual([]);
  });

  it('says a server refused its kept token, and still offers the switcher', async () => {
    const { sessions } = await renderRoot();
    await openFromDialog('Prod');
    act(() => sessions.getState().session?.stores.app.setState({ unauthorized: true }));
    expect(screen.getByTestId('auth-required').textContent).toContain(
      'inspector.example.com refused the token kept for it',
    );
    expect(screen.getByTestId('workspace-switcher')).toBeTruthy();
  });
});
