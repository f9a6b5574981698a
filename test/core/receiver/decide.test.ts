import type { InboxSettings, ResponseRule } from '@contract';
import { describe, expect, it } from 'vitest';
import type { ForwardResult } from '../../../src-main/core/forwarding/forwarder';
import { ACCEPT, type DecideDeps, inboxDecisions } from '../../../src-main/core/receiver/decide';
import type { SecretVerdict } from '../../../src-main/core/settings/secret-check';
import { waitFor } from '../../support/wait';

// What an inbox's settings make of an accepted delivery, without a server:
// the secret check first, then a response rule, then forwarding.

const BODY = Buffer.from('{"update_id":1}');
const HEADERS: Array<[string, string]> = [['Content-Type', 'application/json']];

const rule = (overrides: Partial<ResponseRule> = {}): ResponseRule => ({
  status: 500,
  body: '{"down":true}',
  delayMs: 250,
  firstN: null,
  rate: null,
  ...overrides,
});

function fakeDeps(settings: Partial<InboxSettings>, secret: SecretVerdict | Promise<SecretVerdict> = 'ok') {
  const calls = {
    secret: 0,
    takeRule: 0,
    sent: [] as string[],
    tapped: [] as unknown[],
    recorded: [] as number[],
  };
  const logs: string[] = [];
  const answer: ForwardResult = {
    status: 202,
    contentType: 'text/plain',
    body: 'from the bot',
    truncated: false,
    headers: [],
    error: null,
    durationMs: 3,
  };
  let recordFails = false;
  const deps: DecideDeps = {
    settings: {
      get: (inbox) => ({
        inbox,
        forwarding: null,
        rule: null,
        ruleHits: 0,
        retention: { keepCount: null, keepDays: null },
        secretCheck: null,
        ...settings,
      }),
      takeRule: async () => {
        calls.takeRule += 1;
        return settings.rule ?? null;
      },
    },
    secret: () => {
      calls.secret += 1;
      return secret;
    },
    forwarder: {
      send: async (url) => {
        calls.sent.push(url);
        return answer;
      },
      attempt: async (id) => {
        if (recordFails) throw new Error('attempts table is locked');
        calls.recorded.push(id);
      },
    },
    tap: (...args) => {
      calls.tapped.push(args);
    },
    log: (m) => logs.push(m),
  };
  return { decide: inboxDecisions(deps), calls, logs, failRecording: () => (recordFails = true) };
}

describe('inboxDecisions', () => {
  it('accepts at once, without a promise or a look at the secret, for an inbox that checks nothing', () => {
    const { decide, calls } = fakeDeps({});
    // The same shared decision every time: nothing is made per delivery.
    expect(decide('default', BODY, HEADERS)).toBe(ACCEPT);
    expect(calls).toMatchObject({ secret: 0, takeRule: 0 });
  });

  it('refuses a delivery without the secret when asked to, and neither rules on it nor forwards it', async () => {
    const { decide, calls } = fakeDeps(
      {
        secretCheck: { profileId: 1, reject: true },
        rule: rule(),
        forwarding: { mode: 'tap', url: 'http://bot.test/hook' },
      },
      Promise.resolve('reject'),
    );
    const decision = await decide('default', BODY, HEADERS);
    expect(decision).toMatchObject({ answer: { status: 401 }, problem: 'bad-secret', afterStore: null });
    expect(calls).toMatchObject({ takeRule: 0, sent: [] });
  });

  it('flags a delivery without the secret and still answers by the rule, after its delay', async () => {
    const { decide } = fakeDeps({ secretCheck: { profileId: 1, reject: false }, rule: rule() }, 'flag');
    const decision = await decide('default', BODY, HEADERS);
    expect(decision).toMatchObject({
      answer: { status: 500, body: '{"down":true}' },
      problem: 'bad-secret',
      delayMs: 250,
      afterStore: null,
    });
  });

  it('taps a stored delivery once it is committed, and never one another inspector forwarded', async () => {
    const tapInbox = { forwarding: { mode: 'tap' as const, url: 'http://bot.test/hook' } };
    const { decide, calls } = fakeDeps(tapInbox);
    const decision = await decide('default', BODY, HEADERS);
    expect(decision.answer.status).toBe(200);
    expect(calls.tapped).toEqual([]);
    await decision.afterStore?.(7);
    expect(calls.tapped).toEqual([[7, 'http://bot.test/hook', BODY, HEADERS]]);

    const forwarded = fakeDeps(tapInbox);
    expect(await forwarded.decide('default', BODY, [...HEADERS, ['X-BWI-Forwarded', 'other']])).toBe(ACCEPT);
  });

  it('proxies: the bot’s answer is the platform’s, its attempt recorded after the commit (a failure logged)', async () => {
    const { decide, calls, logs, failRecording } = fakeDeps({
      forwarding: { mode: 'proxy', url: 'http://bot.test/hook' },
    });
    const decision = await decide('default', BODY, HEADERS);
    expect(calls.sent).toEqual(['http://bot.test/hook']);
    expect(decision.answer).toMatchObject({ status: 202, body: 'from the bot' });
    await decision.afterStore?.(8);
    expect(calls.recorded).toEqual([8]);

    failRecording();
    const again = await decide('default', BODY, HEADERS);
    await again.afterStore?.(9);
    await waitFor(() => logs.length === 1, { what: 'the failed recording to be logged' });
    expect(logs).toEqual([
      'receiver: the proxy attempt of delivery #9 was not recorded: attempts table is locked',
    ]);
  });
});
