import { ContractError, type Role } from '@contract';
import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CommandsPanel } from '../../../src-renderer/features/commands/CommandsPanel';
import { SandboxPanel } from '../../../src-renderer/features/sandbox/SandboxPanel';
import { WebhookPanel } from '../../../src-renderer/features/webhook/WebhookPanel';
import { allowedFor, roleOf } from '../../../src-renderer/shared/access';
import { change, openDelivery, renderApp } from '../support/app';
import { makeProfile, makeWebhookInfo, SANDBOX_INFO } from '../support/bots';
import { createFakeClient, settle } from '../support/fakeClient';
import { fakeFileRoutes } from '../support/files';
import { installFakeLayout } from '../support/layout';
import { makeCommand } from '../support/links';
import { renderWithStores } from '../support/render';
import { LOCAL_WHOAMI, teamWhoami } from '../support/team';

installFakeLayout();
beforeEach(() => window.localStorage.clear());
afterEach(cleanup);

const button = (testId: string) => screen.getByTestId(testId) as HTMLButtonElement;

describe('allowedFor', () => {
  it("allows what the role's rank reaches, and says which role the rest needs", () => {
    expect(allowedFor('viewer', 'deliveries.list')).toEqual({ allowed: true, reason: undefined });
    expect(allowedFor('viewer', 'replay.start')).toEqual({
      allowed: false,
      reason: 'Needs the operator role (you are a viewer)',
    });
    expect(allowedFor('operator', 'replay.start').allowed).toBe(true);
    expect(allowedFor('operator', 'inboxes.configure')).toEqual({
      allowed: false,
      reason: 'Needs the admin role (you are an operator)',
    });
    expect(allowedFor('admin', 'people.add').allowed).toBe(true);
    expect(allowedFor('admin', 'workspaces.add').reason).toMatch(/Only the app on your machine/);
  });

  it('allows everything where no roles apply: the local app, or while whoami is unknown', () => {
    expect(roleOf(null)).toBeNull();
    expect(roleOf(LOCAL_WHOAMI)).toBeNull();
    expect(roleOf(teamWhoami('operator'))).toBe('operator');
    expect(allowedFor(null, 'people.revoke').allowed).toBe(true);
  });
});

/** The app as a person of `role` (null: the local app) sees it, with a delivery open. */
async function appAs(role: Role | null, handlers: Parameters<typeof renderApp>[0] = {}) {
  const app = await renderApp(
    { 'app.whoami': () => (role === null ? LOCAL_WHOAMI : teamWhoami(role)), ...handlers },
    { files: fakeFileRoutes().files },
  );
  await openDelivery(3);
  return app;
}

describe('useAllowed across the app', () => {
  it('disables for a viewer what acts or configures, each with the role it needs as its title', async () => {
    await appAs('viewer');
    for (const id of ['replay-button', 'reply-button', 'replay-filtered', 'export-open']) {
      expect(button(id).disabled, id).toBe(true);
      expect(button(id).title, id).toBe('Needs the operator role (you are a viewer)');
    }
    for (const id of ['new-inbox-button', 'import-open']) {
      expect(button(id).disabled, id).toBe(true);
      expect(button(id).title, id).toBe('Needs the admin role (you are a viewer)');
    }
    // Reading stays open: the list, the detail and its tabs.
    expect(screen.getByTestId('delivery-detail').textContent).toContain('#3');
    expect(button('copy-as-curl').disabled).toBe(false);
  });

  it('lets an operator act on deliveries but not configure', async () => {
    await appAs('operator');
    for (const id of ['replay-button', 'reply-button', 'replay-filtered', 'export-open']) {
      expect(button(id).disabled, id).toBe(false);
    }
    expect(button('replay-button').title).toBe('Send this delivery again, to your bot or any URL');
    expect(button('new-inbox-button').disabled).toBe(true);
    expect(button('import-open').title).toBe('Needs the admin role (you are an operator)');
  });

  it('lets an admin, and the local app, do everything', async () => {
    for (const role of ['admin', null] as const) {
      await appAs(role);
      for (const id of ['replay-button', 'reply-button', 'export-open', 'new-inbox-button', 'import-open']) {
        expect(button(id).disabled, `${id} as ${role ?? 'local'}`).toBe(false);
      }
      cleanup();
    }
  });

  it("shows the server's refusal of a role where the call was made", async () => {
    // Whoami could not be read (an older server): nothing is disabled, and the server still says no.
    await appAs(null, {
      'app.whoami': () => {
        throw new ContractError('unavailable', 'blip');
      },
      'replay.start': () => {
        throw new ContractError('internal', 'replay.start needs the operator role; you are a viewer.');
      },
    });
    fireEvent.click(button('replay-button'));
    fireEvent.submit(button('replay-start').closest('form') as HTMLFormElement);
    await act(settle);
    expect(screen.getByTestId('replay-error').textContent).toBe(
      'replay.start needs the operator role; you are a viewer.',
    );
  });
});

describe('useAllowed in the panels', () => {
  const panels = createFakeClient({
    'commands.list': () => ({ items: [makeCommand('hello')] }),
    'webhook.info': () => makeWebhookInfo(),
    'sandbox.info': () => SANDBOX_INFO,
    'sandbox.chats': () => ({ items: [] }),
  });

  it('keeps an operator from saving or deleting commands and from setting or deleting the webhook', async () => {
    const { stores } = renderWithStores(panels.client, () => (
      <>
        <CommandsPanel />
        <WebhookPanel profile={makeProfile(2)} receiverUrl="http://127.0.0.1:8787" />
      </>
    ));
    act(() => stores.app.setState({ whoami: teamWhoami('operator') }));
    await act(settle);
    fireEvent.click(screen.getAllByTestId('command-item')[0] as HTMLElement);
    for (const id of ['command-save', 'command-delete', 'webhook-set', 'webhook-delete']) {
      expect(button(id).disabled, id).toBe(true);
      expect(button(id).title, id).toBe('Needs the admin role (you are an operator)');
    }
  });

  it('keeps a viewer from writing to the sandbox bot, whatever is typed', async () => {
    const { stores } = renderWithStores(panels.client, () => <SandboxPanel />);
    act(() => stores.app.setState({ whoami: teamWhoami('viewer') }));
    await act(settle);
    change('sandbox-text', 'hello');
    expect(button('sandbox-send').disabled).toBe(true);
    expect(button('sandbox-send').title).toBe('Needs the operator role (you are a viewer)');
  });
});
