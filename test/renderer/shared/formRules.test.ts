import {
  DeliveryFilter,
  ProfileInput,
  ReplayInput,
  ResponseRule,
  SetWebhookInput,
  SignLinkInput,
} from '@contract';
import { SECRET_TOKEN, WEBHOOK_MAX_CONNECTIONS } from '@contract/bot-rules';
import { FILTER_ID_MAX, FILTER_KIND_MAX, FILTER_QUERY_MAX } from '@contract/filter-rules';
import { DEFAULT_INBOX, RULE_BODY_MAX, RULE_DELAY_MAX_MS } from '@contract/inbox-rules';
import { LINK_EXPIRY_MAX, LINK_USER_ID_MAX, PARAM_NAME_MAX, PARAM_VALUE_MAX } from '@contract/link-rules';
import {
  HEADER_NAME_MAX,
  HEADER_VALUE_MAX,
  REPLAY_CONCURRENCY_DEFAULT,
  REPLAY_CONCURRENCY_MAX,
  REPLAY_HEADERS_MAX,
  REPLAY_RATE_MAX,
} from '@contract/replay-rules';
import { describe, expect, it } from 'vitest';
import { checkLinkForm, EMPTY_LINK_FORM } from '../../../src-renderer/features/links/linkForm';
import { paramProblems } from '../../../src-renderer/features/links/params';
import {
  emptyProfileForm,
  toProfileInput,
  webhookSecretProblem,
} from '../../../src-renderer/features/profiles/profileForm';
import {
  buildReplayInput,
  initialForm,
  type ReplayForm,
} from '../../../src-renderer/features/replay/replayForm';
import { EMPTY_FORM, formToFilter } from '../../../src-renderer/features/search/filterForm';
import { formToPatch, settingsToForm } from '../../../src-renderer/features/settings/settingsForm';
import { buildSetWebhookInput } from '../../../src-renderer/features/webhook/webhookForm';
import { makeProfile } from '../support/bots';
import { makeInboxSettings } from '../support/replay';

// Each form checks what its contract schema checks, from the same zod-free rules:
// at a limit both take the value, one past it both refuse it.
const x = (length: number) => 'x'.repeat(length);
function expectLimit(max: number, form: (n: number) => boolean, contract: (n: number) => boolean): void {
  const both = (n: number) => ({ n, form: form(n), contract: contract(n) });
  expect([both(max), both(max + 1)]).toEqual([
    { n: max, form: true, contract: true },
    { n: max + 1, form: false, contract: false },
  ]);
}

describe('renderer forms and the contract agree', () => {
  it('the webhook form: secret tokens and max connections', () => {
    const telegram = makeProfile(3, { platform: 'telegram', baseUrl: 'https://api.telegram.org' });
    const url = 'https://bot.example.com/webhook';
    const form = { url, secretToken: '', dropPendingUpdates: false, maxConnections: '' };
    for (const secretToken of ['a', 'A-b_9', x(256), x(257), 'a b', 'é']) {
      const built = buildSetWebhookInput({ ...form, secretToken }, telegram);
      const parsed = SetWebhookInput.safeParse({ url, secretToken });
      expect({ secretToken, form: built.ok, contract: parsed.success }).toEqual({
        secretToken,
        form: SECRET_TOKEN.test(secretToken),
        contract: SECRET_TOKEN.test(secretToken),
      });
    }
    expectLimit(
      WEBHOOK_MAX_CONNECTIONS,
      (n) => buildSetWebhookInput({ ...form, maxConnections: String(n) }, telegram).ok,
      (n) => SetWebhookInput.safeParse({ url, maxConnections: n }).success,
    );
  });

  it('the profile form: the webhook secret, and the default inbox', () => {
    const base = { ...emptyProfileForm('telegram'), name: 'p' };
    for (const webhookSecret of ['a', x(256), x(257), 'a b']) {
      const problem = webhookSecretProblem({ ...base, webhookSecret });
      const parsed = ProfileInput.safeParse(toProfileInput({ ...base, webhookSecret }));
      expect({ webhookSecret, form: problem === null, contract: parsed.success }).toEqual({
        webhookSecret,
        form: SECRET_TOKEN.test(webhookSecret),
        contract: SECRET_TOKEN.test(webhookSecret),
      });
    }
    expect(base.inbox).toBe(DEFAULT_INBOX);
    expect(toProfileInput({ ...base, inbox: ' ' }).inbox).toBe(DEFAULT_INBOX);
  });

  it('the replay form: the limits of replay.start', () => {
    const target = 'http://127.0.0.1/';
    const formOk = (patch: Partial<ReplayForm>) =>
      buildReplayInput({ ...initialForm(target, '{}'), ...patch }, { kind: 'selection', ids: [1] }, null)
        .input !== null;
    const contractOk = (fields: object) =>
      ReplayInput.safeParse({ target, deliveryIds: [1], ...fields }).success;

    expect(initialForm(target, '{}').concurrency).toBe(String(REPLAY_CONCURRENCY_DEFAULT));
    expectLimit(
      REPLAY_CONCURRENCY_MAX,
      (n) => formOk({ concurrency: String(n) }),
      (n) => contractOk({ concurrency: n }),
    );
    expectLimit(
      REPLAY_RATE_MAX,
      (n) => formOk({ rate: String(n) }),
      (n) => contractOk({ ratePerSecond: n }),
    );
    expectLimit(
      REPLAY_HEADERS_MAX,
      (n) => formOk({ keepHeaders: Array(n).fill('a').join(',') }),
      (n) => contractOk({ keepHeaders: Array(n).fill('a') }),
    );
    expectLimit(
      HEADER_NAME_MAX,
      (n) => formOk({ keepHeaders: x(n) }),
      (n) => contractOk({ keepHeaders: [x(n)] }),
    );
    expectLimit(
      HEADER_VALUE_MAX,
      (n) => formOk({ headers: [{ key: 1, name: 'a', value: x(n) }] }),
      (n) => contractOk({ headers: [['a', x(n)]] }),
    );
    for (const secretToken of ['a', x(256), x(257), 'a b']) {
      expect({ secretToken, form: formOk({ secretToken }), contract: contractOk({ secretToken }) }).toEqual({
        secretToken,
        form: SECRET_TOKEN.test(secretToken),
        contract: SECRET_TOKEN.test(secretToken),
      });
    }
  });

  it('the search form: text, kind and id lengths', () => {
    const limits = [
      ['query', FILTER_QUERY_MAX],
      ['kind', FILTER_KIND_MAX],
      ['userId', FILTER_ID_MAX],
      ['chatId', FILTER_ID_MAX],
    ] as const;
    for (const [field, max] of limits) {
      expectLimit(
        max,
        (n) => formToFilter({ ...EMPTY_FORM, [field]: x(n) }).errors[field] === undefined,
        (n) => DeliveryFilter.safeParse({ [field]: x(n) }).success,
      );
    }
  });

  it('the settings form: a response rule’s body and delay', () => {
    const settings = makeInboxSettings();
    const form = { ...settingsToForm(settings), ruleEnabled: true };
    expectLimit(
      RULE_BODY_MAX,
      (n) => formToPatch({ ...form, ruleBody: x(n) }, settings).errors.ruleBody === undefined,
      (n) => ResponseRule.safeParse({ status: 500, body: x(n) }).success,
    );
    expectLimit(
      RULE_DELAY_MAX_MS,
      (n) => formToPatch({ ...form, ruleDelay: String(n) }, settings).errors.ruleDelay === undefined,
      (n) => ResponseRule.safeParse({ status: 500, delayMs: n }).success,
    );
  });

  it('the link form: expiry, user id and params', () => {
    const form = { ...EMPTY_LINK_FORM, command: 'hello', userId: 'u' };
    const sign = (fields: object) =>
      SignLinkInput.safeParse({ command: 'hello', userId: 'u', ...fields }).success;
    expectLimit(
      LINK_EXPIRY_MAX,
      (n) => checkLinkForm({ ...form, expiresIn: String(n) }).ok,
      (n) => sign({ expiresIn: n }),
    );
    expectLimit(
      LINK_USER_ID_MAX,
      (n) => checkLinkForm({ ...form, userId: x(n) }).ok,
      (n) => sign({ userId: x(n) }),
    );
    expectLimit(
      PARAM_NAME_MAX,
      (n) => paramProblems([{ id: 1, key: x(n), value: 'v' }]).size === 0,
      (n) => sign({ params: [[x(n), 'v']] }),
    );
    expectLimit(
      PARAM_VALUE_MAX,
      (n) => paramProblems([{ id: 1, key: 'k', value: x(n) }]).size === 0,
      (n) => sign({ params: [['k', x(n)]] }),
    );
  });
});
