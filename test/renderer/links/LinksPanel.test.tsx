import type { DeliveryListItem } from '@contract';
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LinksPanel } from '../../../src-renderer/features/links/LinksPanel';
import { makeProfile, SANDBOX_PROFILE } from '../support/bots';
import { makeItem } from '../support/deliveries';
import { createFakeClient, type Handlers, refuse, settle } from '../support/fakeClient';
import { makeCommand, makeKey, VALID_VERDICT } from '../support/links';
import { renderWithStores } from '../support/render';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const SIGNED_URL =
  'http://127.0.0.1:8787/ownlang/webhook/7?command=syncGameData&sig=k2.abc&user=123&ref=profile';

async function setup(handlers: Handlers = {}, selectedDelivery: DeliveryListItem | null = null) {
  const fake = createFakeClient({
    'profiles.list': () => ({ items: [SANDBOX_PROFILE, makeProfile(2, { name: 'Shop' })] }),
    'commands.list': () => ({ items: [makeCommand('syncGameData'), makeCommand('hello')] }),
    'links.sign': () => ({ url: SIGNED_URL, kid: 'k2', expiresAt: null }),
    'links.verify': () => VALID_VERDICT,
    'links.keys': () => ({
      items: [
        makeKey('k1', { createdAt: '2024-01-01T00:00:00.000Z' }),
        makeKey('k2', { createdAt: '2024-02-01T00:00:00.000Z', active: true }),
      ],
    }),
    'links.rotateKey': () => makeKey('k3', { active: true }),
    'links.retireKey': () => ({ retired: true as const, replacedBy: null }),
    'links.defaults': () => ({ expiresIn: 7 * 24 * 3600 }),
    'links.setDefaults': (input) => ({ expiresIn: input.expiresIn }),
    ...handlers,
  });
  const view = renderWithStores(fake.client, (stores) => {
    stores.profiles.getState().start();
    return <LinksPanel profile={SANDBOX_PROFILE} selectedDelivery={selectedDelivery} />;
  });
  await act(settle);
  return { fake, ...view };
}

const field = (testId: string) => screen.getByTestId(testId) as HTMLInputElement;
const type = (testId: string, value: string) => fireEvent.change(field(testId), { target: { value } });
const generate = () => screen.getByTestId('link-generate') as HTMLButtonElement;

async function fillRequired() {
  type('link-command', 'syncGameData');
  type('link-user', '123');
}

function addParam(key: string, value: string) {
  fireEvent.click(screen.getByTestId('link-param-add'));
  const keys = screen.getAllByTestId('link-param-key');
  const values = screen.getAllByTestId('link-param-value');
  fireEvent.change(keys.at(-1) as HTMLElement, { target: { value: key } });
  fireEvent.change(values.at(-1) as HTMLElement, { target: { value: value } });
}

describe('Signed links: generator', () => {
  it('says the default expiry of new links, and changes it in the store', async () => {
    const { fake } = await setup();
    const select = screen.getByTestId('link-default-expiry') as HTMLSelectElement;
    expect(select.selectedOptions[0]?.textContent).toBe('expire after 7 days');
    expect(field('link-expires').placeholder).toBe('empty: the default (7 days); or seconds, or "never"');
    fireEvent.change(select, { target: { value: 'null' } });
    await act(settle);
    expect(fake.calls('links.setDefaults').map((c) => c.input)).toEqual([{ expiresIn: null }]);
    expect(
      (screen.getByTestId('link-default-expiry') as HTMLSelectElement).selectedOptions[0]?.textContent,
    ).toBe('never expire');
  });

  it('offers the saved commands, the bots, and waits for a command and a user', async () => {
    await setup();
    expect(screen.getByTestId('links-panel')).toBeTruthy();
    const list = field('link-command').list;
    expect([...(list?.querySelectorAll('option') ?? [])].map((option) => option.value)).toEqual([
      'hello',
      'syncGameData',
    ]);
    expect((screen.getByTestId('link-profile') as HTMLSelectElement).value).toBe('1');
    expect(generate().disabled).toBe(true);
    await fillRequired();
    expect(generate().disabled).toBe(false);
  });

  it("prefills the user from the selected delivery's user", async () => {
    const delivery = makeItem(5, {
      summary: { ...makeItem(5).summary, user: { id: 777, name: 'Ada', username: null, language: null } },
    });
    const { fake } = await setup({}, delivery);
    expect(field('link-user').value).toBe('777');
    expect(screen.getByText('from the selected delivery')).toBeTruthy();
    type('link-command', 'syncGameData');
    fireEvent.click(generate());
    await act(settle);
    expect(fake.calls('links.sign').map((call) => call.input)).toEqual([
      { profileId: 1, command: 'syncGameData', userId: 777, params: [] },
    ]);
  });

  it('sends options as the JSON text, params as pairs, the redirect, expiry and chosen bot', async () => {
    const { fake } = await setup();
    await fillRequired();
    fireEvent.change(screen.getByTestId('link-profile'), { target: { value: '2' } });
    type('link-options', '{"level":10}');
    addParam('ref', 'profile');
    addParam('lang', 'en');
    addParam('gone', 'soon');
    fireEvent.click(screen.getAllByTestId('link-param-remove')[2] as HTMLElement);
    type('link-redirect', 'https://telebothost.com');
    type('link-expires', '3600');
    fireEvent.click(generate());
    await act(settle);
    expect(fake.calls('links.sign').map((call) => call.input)).toEqual([
      {
        profileId: 2,
        command: 'syncGameData',
        userId: 123,
        options: '{"level":10}',
        params: [
          ['ref', 'profile'],
          ['lang', 'en'],
        ],
        redirect: 'https://telebothost.com',
        expiresIn: 3600,
      },
    ]);
    expect(screen.getByTestId('link-url').textContent).toBe(SIGNED_URL);
    // The first link of a bot makes its first key, so the list is read again.
    expect(fake.calls('links.keys')).toHaveLength(2);
  });

  it('refuses options that are not JSON: shows the parse error and disables Generate', async () => {
    const { fake } = await setup();
    await fillRequired();
    type('link-options', '{"level": 10,}');
    expect(screen.getByTestId('link-options-problem').textContent).toMatch(/^Not valid JSON: /);
    expect(field('link-options').getAttribute('aria-invalid')).toBe('true');
    expect(generate().disabled).toBe(true);
    fireEvent.submit(generate());
    await act(settle);
    expect(fake.calls('links.sign')).toHaveLength(0);
    // Empty options are no options.
    type('link-options', '');
    expect(screen.queryByTestId('link-options-problem')).toBeNull();
    expect(generate().disabled).toBe(false);
  });

  it('refuses reserved and duplicate param names with a clear message', async () => {
    await setup();
    await fillRequired();
    addParam('sig', 'forged');
    expect(screen.getByTestId('link-param-problem').textContent).toBe(
      "“sig” is reserved for the link's own fields.",
    );
    expect(generate().disabled).toBe(true);
    fireEvent.change(screen.getAllByTestId('link-param-key')[0] as HTMLElement, { target: { value: 'ref' } });
    addParam('ref', 'again');
    expect(screen.getAllByTestId('link-param-problem').map((problem) => problem.textContent)).toEqual([
      '“ref” is already a parameter; each name once.',
    ]);
    expect(generate().disabled).toBe(true);
    fireEvent.click(screen.getAllByTestId('link-param-remove')[1] as HTMLElement);
    expect(generate().disabled).toBe(false);
  });

  it('refuses a redirect that is not absolute https', async () => {
    await setup();
    await fillRequired();
    type('link-redirect', 'http://example.com/done');
    expect(screen.getByTestId('link-redirect-problem').textContent).toBe(
      'Only https:// redirects; this one is http://.',
    );
    expect(generate().disabled).toBe(true);
    type('link-redirect', 'https://example.com/done');
    expect(screen.queryByTestId('link-redirect-problem')).toBeNull();
  });

  it("shows the server's refusal", async () => {
    await setup({ 'links.sign': refuse('bad-input', 'There is no bot profile 1.') });
    await fillRequired();
    fireEvent.click(generate());
    await act(settle);
    expect(screen.getByTestId('link-error').textContent).toBe('There is no bot profile 1.');
    expect(screen.queryByTestId('link-result')).toBeNull();
  });

  it('shows the link with a QR code as an image, opens it in a new tab and verifies it', async () => {
    const { fake } = await setup();
    await fillRequired();
    fireEvent.click(generate());
    await act(settle);
    const qr = screen.getByTestId('link-qr') as HTMLImageElement;
    expect(qr.tagName).toBe('IMG');
    expect(qr.getAttribute('src')).toMatch(/^data:image\/svg\+xml;utf8,%3Csvg/);
    expect(decodeURIComponent(qr.getAttribute('src') ?? '')).toContain('<path');
    expect(screen.getByTestId('link-result').querySelector('svg')).toBeNull();

    const open = vi.spyOn(window, 'open').mockReturnValue(null);
    fireEvent.click(screen.getByTestId('link-open'));
    expect(open).toHaveBeenCalledWith(SIGNED_URL, '_blank', 'noopener');

    fireEvent.click(screen.getByTestId('link-verify'));
    await act(settle);
    expect(fake.calls('links.verify').map((call) => call.input)).toEqual([{ url: SIGNED_URL }]);
    expect(screen.getByTestId('verify-result').dataset.valid).toBe('true');

    // Changing the form after signing says the shown link no longer matches it.
    expect(screen.queryByTestId('link-stale')).toBeNull();
    type('link-user', '124');
    expect(screen.getByTestId('link-stale')).toBeTruthy();
  });
});

describe('Signed links: verifier', () => {
  it('shows a valid link with its decoded fields', async () => {
    const { fake } = await setup();
    type('verify-input', `  ${SIGNED_URL}\n`);
    fireEvent.click(screen.getByTestId('verify-run'));
    await act(settle);
    expect(fake.calls('links.verify').map((call) => call.input)).toEqual([{ url: SIGNED_URL }]);
    const result = screen.getByTestId('verify-result');
    expect(result.dataset.valid).toBe('true');
    const text = (name: string) => within(result).getByTestId(`verify-field-${name}`).textContent;
    expect(text('command')).toContain('syncGameData');
    expect(text('user')).toContain('123');
    expect(text('options')).toContain('"level": 10');
    expect(text('params')).toContain('ref');
    expect(text('params')).toContain('profile');
    expect(text('redirect')).toContain('https://telebothost.com');
    expect(text('expires')).toContain('never');
    expect(text('kid')).toContain('k2');
    expect(text('bot')).toContain('7');
  });

  it('shows exactly which check an invalid link fails', async () => {
    await setup({
      'links.verify': () => ({
        valid: false,
        check: 'bad-signature',
        reason: 'The signature does not match: the link was changed, or signed for another bot or user.',
        fields: null,
      }),
    });
    type('verify-input', `${SIGNED_URL}&user=124`);
    fireEvent.click(screen.getByTestId('verify-run'));
    await act(settle);
    const result = screen.getByTestId('verify-result');
    expect(result.dataset.valid).toBe('false');
    expect(screen.getByTestId('verify-check').textContent).toBe('bad-signature');
    expect(screen.getByTestId('verify-reason').textContent).toMatch(/^The signature does not match/);
    // Editing the text drops a verdict about the old text.
    type('verify-input', 'something else');
    expect(screen.queryByTestId('verify-result')).toBeNull();
  });

  it('says so when the call itself fails', async () => {
    await setup({ 'links.verify': refuse('unknown-method', 'No method links.verify') });
    type('verify-input', SIGNED_URL);
    fireEvent.click(screen.getByTestId('verify-run'));
    await act(settle);
    expect(screen.getByTestId('verify-error').textContent).toContain('No method links.verify');
  });
});

describe('Signed links: keys', () => {
  const rows = () =>
    screen.getAllByTestId('key-row').map((row) => [row.dataset.kid, row.textContent?.includes('active')]);

  it("lists the selected profile's keys, rotates and retires", async () => {
    const { fake } = await setup();
    expect(fake.calls('links.keys').map((call) => call.input)).toEqual([{ profileId: 1 }]);
    expect(rows()).toEqual([
      ['k1', false],
      ['k2', true],
    ]);
    expect(screen.getByTestId('signing-keys').textContent).toMatch(/older keys keep verifying/);

    fireEvent.click(screen.getByTestId('key-rotate'));
    await act(settle);
    expect(fake.calls('links.rotateKey').map((call) => call.input)).toEqual([{ profileId: 1 }]);
    expect(fake.calls('links.keys')).toHaveLength(2);

    fireEvent.click(screen.getAllByTestId('key-retire')[0] as HTMLElement);
    expect(fake.calls('links.retireKey')).toHaveLength(0);
    fireEvent.click(screen.getByTestId('key-retire-confirm'));
    await act(settle);
    expect(fake.calls('links.retireKey').map((call) => call.input)).toEqual([{ profileId: 1, kid: 'k1' }]);
  });

  it('says, before retiring the active key, that a fresh key takes over, and shows it after', async () => {
    let keys = [
      makeKey('k1', { createdAt: '2024-01-01T00:00:00.000Z' }),
      makeKey('k2', { createdAt: '2024-02-01T00:00:00.000Z', active: true }),
    ];
    const { fake } = await setup({
      'links.keys': () => ({ items: keys }),
      'links.retireKey': () => {
        keys = [
          makeKey('k9', { createdAt: '2024-03-01T00:00:00.000Z', active: true }),
          makeKey('k1', { createdAt: '2024-01-01T00:00:00.000Z' }),
          makeKey('k2', { createdAt: '2024-02-01T00:00:00.000Z', retiredAt: '2024-03-01T00:00:00.000Z' }),
        ];
        return { retired: true as const, replacedBy: 'k9' };
      },
    });
    // k1 only verifies: the plain question.
    fireEvent.click(screen.getAllByTestId('key-retire')[0] as HTMLElement);
    expect(screen.getByTestId('signing-keys').textContent).toContain('Retire k1? Its links stop working.');
    fireEvent.click(screen.getByText('Keep'));
    fireEvent.click(screen.getAllByTestId('key-retire')[1] as HTMLElement);
    expect(screen.getByTestId('signing-keys').textContent).toContain(
      'Retire k2, the active key? Its links stop working, and a fresh key is made to sign new links: older keys never sign again.',
    );
    fireEvent.click(screen.getByTestId('key-retire-confirm'));
    await act(settle);
    expect(fake.calls('links.retireKey').map((call) => call.input)).toEqual([{ profileId: 1, kid: 'k2' }]);
    expect(rows()).toEqual([
      ['k9', true],
      ['k1', false],
      ['k2', false],
    ]);
  });

  it('shows a refused rotation', async () => {
    await setup({ 'links.rotateKey': refuse('conflict', 'Rotated a moment ago.') });
    fireEvent.click(screen.getByTestId('key-rotate'));
    await act(settle);
    expect(screen.getByTestId('key-error').textContent).toBe('Rotated a moment ago.');
  });
});
