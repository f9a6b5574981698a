import { ContractError } from '@contract/errors';
import { describe, expect, it } from 'vitest';
import { type AdviceError, adviceFor, mergeAdvice } from '../../../src-renderer/features/webhook/advice';
import { makeWebhookInfo } from '../support/bots';

const ids = (subject: Parameters<typeof adviceFor>[0], context = {}) =>
  adviceFor(subject, context).map((advice) => advice.id);

const lastError = (message: string) =>
  makeWebhookInfo({ lastErrorDate: 1_704_110_400, lastErrorMessage: message });

const upstream = (details: AdviceError['details'], message = 'setWebhook failed') =>
  new ContractError('upstream', message, details ?? undefined);

describe('adviceFor: a webhook info', () => {
  it('says nothing when all is well', () => {
    expect(ids(makeWebhookInfo())).toEqual([]);
    expect(ids(makeWebhookInfo({ pendingUpdateCount: 3 }))).toEqual([]);
  });

  it('tells a 5xx answer to check the server logs and answer 200', () => {
    for (const message of [
      'Wrong response from the webhook: 500 Internal Server Error',
      'Wrong response from the webhook: 502 Bad Gateway',
      // The sandbox's wording.
      'Wrong response from the webhook: 503',
      // A gateway's timeout is still the server answering 5xx.
      'Wrong response from the webhook: 504 Gateway Timeout',
    ]) {
      const advice = adviceFor(lastError(message));
      expect(advice.map((item) => item.id)).toEqual(['server-error']);
      expect(advice[0]?.text).toMatch(/check your server logs.*answer 200/);
    }
  });

  it('tells an unreachable server to check it is running and public', () => {
    for (const message of [
      'Connection refused',
      'Failed to resolve host: Name or service not known',
      'Failed to resolve host: name not known',
      'Connection reset by the webhook',
      'Failed to deliver: connect EHOSTUNREACH 10.0.0.1:443',
    ]) {
      const advice = adviceFor(lastError(message));
      expect(advice.map((item) => item.id)).toEqual(['unreachable']);
      expect(advice[0]?.text).toMatch(/cannot reach your server: is it running, is the URL public/);
    }
  });

  it('tells a timeout to answer within 10 seconds', () => {
    for (const message of [
      'Connection timed out',
      'Read timeout expired',
      'Timeout: the webhook did not answer within 10 s',
    ]) {
      const advice = adviceFor(lastError(message));
      expect(advice.map((item) => item.id)).toEqual(['timeout']);
      expect(advice[0]?.text).toMatch(/within 10 seconds.*after answering/);
    }
  });

  it('sends certificate trouble to the HTTPS advice', () => {
    expect(
      ids(lastError('SSL error {error:14094410:SSL routines:ssl3_read_bytes:sslv3 alert handshake failure}')),
    ).toEqual(['https']);
  });

  it("reads a webhook's 401/403 as a secret-token mismatch and other 4xx as a wrong answer", () => {
    expect(ids(lastError('Wrong response from the webhook: 401 Unauthorized'))).toEqual(['secret-token']);
    expect(adviceFor(lastError('Wrong response from the webhook: 403 Forbidden'))[0]?.text).toMatch(
      /check the token/,
    );
    expect(ids(lastError('Wrong response from the webhook: 404 Not Found'))).toEqual(['webhook-status']);
    expect(ids(lastError('Wrong response from the webhook: 302 Found'))).toEqual(['webhook-status']);
  });

  it('asks for idempotent handling while the queue grows', () => {
    const growing = makeWebhookInfo({ pendingUpdateCount: 12 });
    expect(ids(growing, { pendingGrowing: true })).toEqual(['idempotent']);
    expect(adviceFor(growing, { pendingGrowing: true })[0]?.text).toMatch(/idempotent on update_id/);
    expect(ids(lastError('Connection refused'), { pendingGrowing: true })).toEqual([
      'unreachable',
      'idempotent',
    ]);
  });

  it('words reachability and HTTPS for the sandbox, which delivers on this machine', () => {
    const unreachable = adviceFor(lastError('Connection refused'), { sandbox: true });
    expect(unreachable.map((item) => item.id)).toEqual(['unreachable']);
    expect(unreachable[0]?.text).toMatch(/sandbox cannot reach your server: is it running/);
    expect(unreachable[0]?.text).not.toMatch(/public/);
    const refused = {
      message: 'x',
      details: { kind: 'refused' as const, description: 'The webhook URL must use HTTPS' },
    };
    expect(adviceFor(refused, { sandbox: true })[0]?.text).toMatch(/http:\/\/ to this machine/);
  });

  it('points out updates waiting with no webhook set', () => {
    expect(ids(makeWebhookInfo({ url: '', pendingUpdateCount: 4 }), { pendingGrowing: true })).toEqual([
      'pending-no-webhook',
    ]);
  });
});

describe('adviceFor: a failed call', () => {
  it('sends a URL refused before sending to the HTTPS advice', () => {
    const refused = new ContractError(
      'bad-input',
      'setWebhook failed: The webhook URL must use HTTPS [not sent]',
      {
        kind: 'refused',
        description: 'The webhook URL must use HTTPS: platforms do not deliver to plain http://.',
      },
    );
    const advice = adviceFor(refused);
    expect(advice.map((item) => item.id)).toEqual(['https']);
    expect(advice[0]?.text).toMatch(/must be HTTPS and publicly reachable.*tunnel/);
  });

  it('does not invent advice for other refusals', () => {
    expect(
      ids(
        upstream({
          kind: 'refused',
          description: 'Telegram keeps no delivery log; its getWebhookInfo shows the last error instead.',
        }),
      ),
    ).toEqual([]);
    expect(ids(new ContractError('not-found', 'There is no bot profile #9.'))).toEqual([]);
  });

  it('asks to check the token on a 401, and for a profile without one', () => {
    const advice = adviceFor(upstream({ kind: 'api', status: 401, description: 'Unauthorized' }));
    expect(advice.map((item) => item.id)).toEqual(['token']);
    expect(advice[0]?.text).toMatch(/check the token/);
    expect(ids(upstream({ kind: 'api', status: 404, description: 'Not Found' }))).toEqual(['token']);
    expect(
      ids(new ContractError('bad-input', 'The profile "Shop" has no API token: add one in Profiles.')),
    ).toEqual(['token']);
  });

  it('says how long to wait on a 429', () => {
    const advice = adviceFor(
      upstream({
        kind: 'api',
        status: 429,
        description: 'Too Many Requests: retry after 17',
        retryAfter: 17,
      }),
    );
    expect(advice).toEqual([
      { id: 'rate-limit', text: 'Too many requests: wait 17 seconds before trying again.' },
    ]);
    expect(adviceFor(upstream({ kind: 'api', status: 429, retryAfter: null }))[0]?.text).toMatch(
      /wait a little/,
    );
  });

  it("reads a setWebhook 400's description like a delivery error", () => {
    expect(
      ids(
        upstream({
          kind: 'api',
          status: 400,
          description: 'Bad Request: bad webhook: An HTTPS URL must be provided for webhook',
        }),
      ),
    ).toEqual(['https']);
    expect(
      ids(
        upstream({
          kind: 'api',
          status: 400,
          description: 'Bad Request: bad webhook: Failed to resolve host: Name or service not known',
        }),
      ),
    ).toEqual(['unreachable']);
  });

  it("tells the platform's own failures apart from the webhook's", () => {
    expect(ids(upstream({ kind: 'api', status: 502, description: 'Bad Gateway' }))).toEqual([
      'platform-error',
    ]);
    expect(ids(upstream({ kind: 'timeout', description: 'no answer in 10 s' }))).toEqual([
      'platform-timeout',
    ]);
    expect(ids(upstream({ kind: 'network', description: 'getaddrinfo ENOTFOUND api.solafon.com' }))).toEqual([
      'platform-unreachable',
    ]);
    expect(ids(upstream({ kind: 'invalid-response', status: 200, description: 'not JSON' }))).toEqual([
      'invalid-response',
    ]);
  });

  it('works on plain data as a store keeps it', () => {
    expect(ids({ message: 'x', details: { kind: 'api', status: 401 } })).toEqual(['token']);
    expect(ids({ message: 'x', details: null })).toEqual([]);
  });
});

describe('mergeAdvice', () => {
  it('says each piece of advice once, first source first', () => {
    const merged = mergeAdvice(
      adviceFor(lastError('Connection refused')),
      adviceFor(lastError('Connection refused'), { pendingGrowing: true }),
    );
    expect(merged.map((item) => item.id)).toEqual(['unreachable', 'idempotent']);
  });
});
