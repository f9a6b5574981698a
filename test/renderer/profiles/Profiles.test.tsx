import type { BotProfile, ProfileInput } from '@contract';
import { ContractError } from '@contract/errors';
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { pickProfileId } from '../../../src-renderer/features/profiles/defaultProfile';
import { ProfileSelect } from '../../../src-renderer/features/profiles/ProfileSelect';
import { toProfileInput, webhookSecretProblem } from '../../../src-renderer/features/profiles/profileForm';
import { makeProfile, SANDBOX_PROFILE } from '../support/bots';
import { createFakeClient, settle } from '../support/fakeClient';
import { renderWithStores } from '../support/render';

afterEach(cleanup);

/** A fake core holding profiles, with the same refusals as the real one. */
function profilesServer(initial: BotProfile[]) {
  let items = [...initial];
  let nextId = Math.max(0, ...items.map((profile) => profile.id)) + 1;
  const fromInput = (id: number, input: ProfileInput, before?: BotProfile): BotProfile => ({
    id,
    name: input.name,
    platform: input.platform,
    baseUrl: input.baseUrl,
    publicUrl: input.publicUrl ?? '',
    inbox: input.inbox ?? 'default',
    appId: input.appId ?? null,
    hasToken: input.token === undefined ? (before?.hasToken ?? false) : input.token !== '',
    hasJwt: input.jwt === undefined ? (before?.hasJwt ?? false) : input.jwt !== '',
    hasWebhookSecret:
      input.webhookSecret === undefined ? (before?.hasWebhookSecret ?? false) : input.webhookSecret !== '',
    sandbox: before?.sandbox ?? false,
    createdAt: '2024-01-02T00:00:00.000Z',
  });
  return createFakeClient({
    'profiles.list': () => ({ items }),
    'profiles.create': (input) => {
      const profile = fromInput(nextId++, input);
      items = [...items, profile];
      return profile;
    },
    'profiles.update': ({ id, ...input }) => {
      const before = items.find((profile) => profile.id === id);
      const profile = fromInput(id, input, before);
      items = items.map((item) => (item.id === id ? profile : item));
      return profile;
    },
    'profiles.delete': ({ profileId }) => {
      if (items.find((profile) => profile.id === profileId)?.sandbox) {
        throw new ContractError('conflict', 'The sandbox profile is built in and cannot be deleted.');
      }
      items = items.filter((profile) => profile.id !== profileId);
      return { deleted: true as const };
    },
  });
}

async function setup(initial: BotProfile[]) {
  const fake = profilesServer(initial);
  const view = renderWithStores(fake.client, () => <ProfileSelect />);
  view.stores.profiles.getState().start();
  await act(settle);
  return { fake, ...view };
}

const select = () => screen.getByTestId('profile-select') as HTMLSelectElement;
const row = (name: string) =>
  screen.getAllByTestId('profile-row').find((element) => element.textContent?.includes(name)) as HTMLElement;
const type = (testId: string, value: string) =>
  fireEvent.change(screen.getByTestId(testId), { target: { value } });

describe('pickProfileId', () => {
  const shop = makeProfile(2);
  it('keeps the current choice, else the sandbox, else the first', () => {
    expect(pickProfileId([shop, SANDBOX_PROFILE], 2)).toBe(2);
    expect(pickProfileId([shop, SANDBOX_PROFILE], null)).toBe(1);
    expect(pickProfileId([shop, SANDBOX_PROFILE], 99)).toBe(1);
    expect(pickProfileId([shop, makeProfile(3)], null)).toBe(2);
    expect(pickProfileId([], 2)).toBeNull();
  });
});

describe('toProfileInput', () => {
  const values = {
    name: ' Shop ',
    platform: 'solafon' as const,
    baseUrl: ' https://api.solafon.com/api/v1 ',
    publicUrl: '',
    inbox: '',
    appId: ' ',
    token: '',
    removeToken: false,
    jwt: '',
    removeJwt: false,
    webhookSecret: '',
    removeWebhookSecret: false,
  };
  it('leaves blank secrets out (keep), sends removed ones as empty, trims the rest', () => {
    expect(toProfileInput(values)).toEqual({
      name: 'Shop',
      platform: 'solafon',
      baseUrl: 'https://api.solafon.com/api/v1',
      publicUrl: '',
      inbox: 'default',
      appId: null,
    });
    expect(toProfileInput({ ...values, token: 'abc', removeJwt: true, jwt: 'ignored' })).toMatchObject({
      token: 'abc',
      jwt: '',
    });
  });

  it("sends a Telegram profile's webhook secret trimmed, '' to remove it, nothing when blank", () => {
    const telegram = { ...values, platform: 'telegram' as const };
    expect(toProfileInput({ ...telegram, webhookSecret: ' s3cr3t-T0ken_ ' })).toMatchObject({
      webhookSecret: 's3cr3t-T0ken_',
    });
    expect(
      toProfileInput({ ...telegram, webhookSecret: 'ignored', removeWebhookSecret: true }),
    ).toMatchObject({ webhookSecret: '' });
    expect(toProfileInput(telegram)).not.toHaveProperty('webhookSecret');
    // Solafon has no such field: whatever is stored is kept.
    expect(toProfileInput({ ...values, webhookSecret: 'abc' })).not.toHaveProperty('webhookSecret');
  });

  it.each([
    ['bad token!', false],
    ['x'.repeat(257), false],
    ['x'.repeat(256), true],
    ['', true],
  ])('checks the webhook secret %j', (webhookSecret, ok) => {
    const problem = webhookSecretProblem({ ...values, platform: 'telegram', webhookSecret });
    expect(problem === null).toBe(ok);
    // Being removed, it is not sent at all.
    expect(
      webhookSecretProblem({ ...values, platform: 'telegram', webhookSecret, removeWebhookSecret: true }),
    ).toBeNull();
  });
});

describe('Profile selector and dialog', () => {
  it('selects the sandbox by default and lists every profile', async () => {
    const { stores } = await setup([makeProfile(2, { name: 'Shop' }), SANDBOX_PROFILE]);
    expect(select().value).toBe('1');
    expect([...select().options].map((option) => option.textContent)).toEqual([
      'Shop · solafon',
      'Sandbox · solafon (Sandbox)',
    ]);
    fireEvent.change(select(), { target: { value: '2' } });
    expect(stores.profiles.getState().selectedId).toBe(2);
  });

  it('falls back to the first profile when there is no sandbox', async () => {
    await setup([makeProfile(5, { name: 'A' }), makeProfile(6, { name: 'B' })]);
    expect(select().value).toBe('5');
  });

  it('creates a profile with its secrets', async () => {
    const { fake } = await setup([SANDBOX_PROFILE]);
    fireEvent.click(screen.getByTestId('profiles-open'));
    expect(screen.getByRole('dialog', { name: 'Bot profiles' })).toBeTruthy();
    fireEvent.click(screen.getByTestId('profile-new'));
    type('profile-name', 'My TG bot');
    fireEvent.change(screen.getByTestId('profile-platform'), { target: { value: 'telegram' } });
    // The platform's default base URL follows the platform.
    expect((screen.getByTestId('profile-base-url') as HTMLInputElement).value).toBe(
      'https://api.telegram.org',
    );
    expect((screen.getByTestId('profile-token') as HTMLInputElement).type).toBe('password');
    // Delivery logs' app id and user JWT are Solafon's: a Telegram profile does not ask for them.
    expect(screen.queryByTestId('profile-jwt')).toBeNull();
    expect(screen.queryByTestId('profile-app-id')).toBeNull();
    type('profile-public-url', 'https://tunnel.example/webhook');
    type('profile-inbox', 'tg');
    type('profile-token', '123:ABC');
    fireEvent.click(screen.getByTestId('profile-save'));
    await act(settle);

    expect(fake.calls('profiles.create').map((call) => call.input)).toEqual([
      {
        name: 'My TG bot',
        platform: 'telegram',
        baseUrl: 'https://api.telegram.org',
        publicUrl: 'https://tunnel.example/webhook',
        inbox: 'tg',
        appId: null,
        token: '123:ABC',
      },
    ]);
    expect(screen.queryByTestId('profile-form')).toBeNull();
    const created = row('My TG bot');
    expect(
      within(created)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual(['My TG bot ', 'telegram', 'https://api.telegram.org', 'set', 'not set', 'EditDelete']);
    expect([...select().options].map((option) => option.value)).toEqual(['1', '2']);
  });

  it('keeps a secret left blank on edit, and removes one only when asked', async () => {
    const { fake } = await setup([
      SANDBOX_PROFILE,
      makeProfile(2, { name: 'Shop', hasToken: true, hasJwt: true, appId: 'app1' }),
    ]);
    fireEvent.click(screen.getByTestId('profiles-open'));
    fireEvent.click(within(row('Shop')).getByTestId('profile-edit'));
    const form = screen.getByTestId('profile-form');
    expect((within(form).getByTestId('profile-name') as HTMLInputElement).value).toBe('Shop');
    expect((within(form).getByTestId('profile-app-id') as HTMLInputElement).value).toBe('app1');
    expect((within(form).getByTestId('profile-token') as HTMLInputElement).value).toBe('');
    expect(screen.getByTestId('profile-token-status').textContent).toBe('set');
    expect(screen.getByTestId('profile-jwt-status').textContent).toBe('set');

    type('profile-name', 'Shop 2');
    fireEvent.click(screen.getByTestId('profile-jwt-remove'));
    expect((screen.getByTestId('profile-jwt') as HTMLInputElement).disabled).toBe(true);
    fireEvent.click(screen.getByTestId('profile-save'));
    await act(settle);

    const [update] = fake.calls('profiles.update').map((call) => call.input);
    expect(update).toEqual({
      id: 2,
      name: 'Shop 2',
      platform: 'solafon',
      baseUrl: 'https://api.solafon.com/api/v1',
      publicUrl: '',
      inbox: 'default',
      appId: 'app1',
      jwt: '',
    });
    expect(update).not.toHaveProperty('token');
    expect(within(row('Shop 2')).getAllByRole('cell')[3]?.textContent).toBe('set');
    expect(within(row('Shop 2')).getAllByRole('cell')[4]?.textContent).toBe('not set');
  });

  it('creates a Telegram profile with a webhook secret, and refuses an invalid one', async () => {
    const { fake } = await setup([SANDBOX_PROFILE]);
    fireEvent.click(screen.getByTestId('profiles-open'));
    fireEvent.click(screen.getByTestId('profile-new'));
    // Solafon has no webhook secret.
    expect(screen.queryByTestId('profile-webhook-secret')).toBeNull();
    type('profile-name', 'TG');
    fireEvent.change(screen.getByTestId('profile-platform'), { target: { value: 'telegram' } });
    expect((screen.getByTestId('profile-webhook-secret') as HTMLInputElement).type).toBe('password');
    expect(screen.getByTestId('profile-webhook-secret-status').textContent).toBe('optional');

    type('profile-webhook-secret', 'not a token!');
    expect(screen.getByTestId('profile-webhook-secret-error').textContent).toMatch(/1–256 letters/);
    expect(screen.getByTestId('profile-webhook-secret').getAttribute('aria-invalid')).toBe('true');
    const save = screen.getByTestId('profile-save') as HTMLButtonElement;
    expect(save.disabled).toBe(true);
    fireEvent.submit(screen.getByTestId('profile-form'));
    await act(settle);
    expect(fake.calls('profiles.create')).toHaveLength(0);

    type('profile-webhook-secret', 'hook_S3cret-1');
    expect(screen.queryByTestId('profile-webhook-secret-error')).toBeNull();
    fireEvent.click(save);
    await act(settle);
    expect(fake.calls('profiles.create').map((call) => call.input)).toEqual([
      {
        name: 'TG',
        platform: 'telegram',
        baseUrl: 'https://api.telegram.org',
        publicUrl: '',
        inbox: 'default',
        appId: null,
        webhookSecret: 'hook_S3cret-1',
      },
    ]);
    expect(within(row('TG')).getByTestId('profile-webhook-secret-set').textContent).toMatch(/secret set/);
  });

  it('keeps a blank webhook secret on edit, and removes it only when asked', async () => {
    const { fake } = await setup([
      SANDBOX_PROFILE,
      makeProfile(2, { name: 'TG', platform: 'telegram', hasWebhookSecret: true }),
    ]);
    fireEvent.click(screen.getByTestId('profiles-open'));
    fireEvent.click(within(row('TG')).getByTestId('profile-edit'));
    expect(screen.getByTestId('profile-webhook-secret-status').textContent).toBe('set');
    expect((screen.getByTestId('profile-webhook-secret') as HTMLInputElement).value).toBe('');
    fireEvent.click(screen.getByTestId('profile-save'));
    await act(settle);
    expect(fake.calls('profiles.update')[0]?.input).not.toHaveProperty('webhookSecret');

    fireEvent.click(within(row('TG')).getByTestId('profile-edit'));
    type('profile-webhook-secret', 'bad token!');
    fireEvent.click(screen.getByTestId('profile-webhook-secret-remove'));
    expect((screen.getByTestId('profile-webhook-secret') as HTMLInputElement).disabled).toBe(true);
    // What was typed no longer matters: it is not sent.
    expect(screen.queryByTestId('profile-webhook-secret-error')).toBeNull();
    fireEvent.click(screen.getByTestId('profile-save'));
    await act(settle);
    expect(fake.calls('profiles.update')[1]?.input).toMatchObject({ id: 2, webhookSecret: '' });
    expect(within(row('TG')).queryByTestId('profile-webhook-secret-set')).toBeNull();
  });

  it("marks the sandbox and shows the server's refusal to delete it", async () => {
    const { fake } = await setup([SANDBOX_PROFILE, makeProfile(2, { name: 'Shop' })]);
    fireEvent.click(screen.getByTestId('profiles-open'));
    const sandbox = row('Sandbox');
    expect(within(sandbox).getByText('Sandbox', { selector: '.badge' })).toBeTruthy();
    fireEvent.click(within(sandbox).getByTestId('profile-delete'));
    fireEvent.click(within(sandbox).getByTestId('profile-delete-confirm'));
    await act(settle);
    expect(fake.calls('profiles.delete').map((call) => call.input)).toEqual([{ profileId: 1 }]);
    expect(screen.getByTestId('profile-error').textContent).toBe(
      'The sandbox profile is built in and cannot be deleted.',
    );
    expect(screen.getAllByTestId('profile-row')).toHaveLength(2);
  });

  it('deletes another profile after a confirmation, and moves the selection off it', async () => {
    const { fake, stores } = await setup([SANDBOX_PROFILE, makeProfile(2, { name: 'Shop' })]);
    act(() => stores.profiles.getState().select(2));
    fireEvent.click(screen.getByTestId('profiles-open'));
    fireEvent.click(within(row('Shop')).getByTestId('profile-delete'));
    expect(fake.calls('profiles.delete')).toHaveLength(0);
    fireEvent.click(within(row('Shop')).getByTestId('profile-delete-confirm'));
    await act(settle);
    expect(fake.calls('profiles.delete').map((call) => call.input)).toEqual([{ profileId: 2 }]);
    expect(screen.getAllByTestId('profile-row')).toHaveLength(1);
    expect(stores.profiles.getState().selectedId).toBe(1);
    expect(screen.queryByTestId('profile-error')).toBeNull();
  });

  it("shows a refused save and keeps the form's values", async () => {
    const fake = createFakeClient({
      'profiles.list': () => ({ items: [SANDBOX_PROFILE] }),
      'profiles.create': () => {
        throw new ContractError('bad-input', 'baseUrl: must be an absolute http(s) URL');
      },
    });
    const view = renderWithStores(fake.client, () => <ProfileSelect />);
    view.stores.profiles.getState().start();
    await act(settle);
    fireEvent.click(screen.getByTestId('profiles-open'));
    fireEvent.click(screen.getByTestId('profile-new'));
    type('profile-name', 'Broken');
    type('profile-base-url', 'api.example.com');
    fireEvent.click(screen.getByTestId('profile-save'));
    await act(settle);
    expect(screen.getByTestId('profile-error').textContent).toBe('baseUrl: must be an absolute http(s) URL');
    expect((screen.getByTestId('profile-name') as HTMLInputElement).value).toBe('Broken');
  });

  it('closes on Escape and gives focus back', async () => {
    await setup([SANDBOX_PROFILE]);
    fireEvent.click(screen.getByTestId('profiles-open'));
    fireEvent.keyDown(screen.getByRole('dialog'), { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(screen.getByTestId('profiles-open'));
  });
});
