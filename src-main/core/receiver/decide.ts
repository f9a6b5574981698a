import type { Problem } from '@contract';
import { describeError } from '../describe-error';
import type { Forwarder } from '../forwarding/forwarder';
import { forwardedBy } from '../forwarding/hop';
import type { SecretVerdict } from '../settings/secret-check';
import type { InboxSettingsStore } from '../settings/store';
import { type Answer, answers } from './answers';

/** What the receiver does with a delivery it accepted, decided by its inbox's settings. */
export interface Decision {
  /** What the platform is told (and what is stored as told). */
  answer: Answer;
  /** What the settings found wrong with it ('bad-secret'); null keeps what the body showed. */
  problem: Problem | null;
  /** A response rule's wait before the answer, after the commit. */
  delayMs: number;
  /** Work owed once the delivery is committed (its forwarding); null: none. */
  afterStore: ((deliveryId: number) => Promise<void> | void) | null;
}

/**
 * Judges an accepted delivery by its inbox's settings. Synchronous for an
 * inbox that checks nothing (every delivery asks); a promise only when the
 * settings need the database or the forwarding target.
 */
export type Decide = (
  inbox: string,
  body: Buffer,
  headers: Array<[string, string]>,
) => Decision | Promise<Decision>;

/** Most deliveries: 200 at once, nothing more to do. Made once, shared by every such request. */
export const ACCEPT: Decision = Object.freeze({
  answer: answers.accepted(),
  problem: null,
  delayMs: 0,
  afterStore: null,
});

/** Flagged by the secret check but taken: stored as `bad-secret`, answered 200. */
const FLAGGED: Decision = Object.freeze({ ...ACCEPT, problem: 'bad-secret' });

export interface DecideDeps {
  /** Per-inbox rule, forwarding and secret check, held in memory. */
  settings: Pick<InboxSettingsStore, 'get' | 'takeRule'>;
  /** Whether the delivery carries the webhook secret of the profile feeding the inbox (settings/secret-check). */
  secret(inbox: string, headers: Array<[string, string]>): SecretVerdict | Promise<SecretVerdict>;
  forwarder: Pick<Forwarder, 'send' | 'attempt'>;
  /** Owes a tap forward of a stored delivery; on a team server it is queued in the database before the answer. */
  tap(deliveryId: number, url: string, body: Buffer, headers: Array<[string, string]>): Promise<void> | void;
  log: (message: string) => void;
}

/** The receiver's `decide` for inboxes as configured here: secret check, then response rule, then forwarding. */
export function inboxDecisions(deps: DecideDeps): Decide {
  return (inbox, body, headers) => {
    const settings = deps.settings.get(inbox);
    if (settings.secretCheck === null && settings.rule === null && settings.forwarding === null)
      return ACCEPT;
    const secret = deps.secret(inbox, headers);
    return typeof secret === 'string'
      ? afterSecret(deps, secret, inbox, body, headers)
      : secret.then((verdict) => afterSecret(deps, verdict, inbox, body, headers));
  };
}

/** A delivery without the right secret is flagged; refused when asked, and then neither ruled on nor forwarded. */
function afterSecret(
  deps: DecideDeps,
  secret: SecretVerdict,
  inbox: string,
  body: Buffer,
  headers: Array<[string, string]>,
): Decision | Promise<Decision> {
  if (secret === 'reject')
    return { answer: answers.badSecret(), problem: 'bad-secret', delayMs: 0, afterStore: null };
  // Whether it is really the platform matters more than an unknown shape.
  const problem = secret === 'ok' ? null : 'bad-secret';
  // Read again: the settings may have changed while the secret was looked up.
  const { rule, forwarding } = deps.settings.get(inbox);
  if (rule === null && forwarding === null) return problem === null ? ACCEPT : FLAGGED;
  return ruleOrForwarding(deps, problem, inbox, body, headers);
}

/** A response rule answers in the bot's place; without one, forwarding proxies the answer or taps a copy. */
async function ruleOrForwarding(
  deps: DecideDeps,
  problem: Problem | null,
  inbox: string,
  body: Buffer,
  headers: Array<[string, string]>,
): Promise<Decision> {
  const rule = await deps.settings.takeRule(inbox);
  if (rule)
    return {
      answer: answers.byRule(rule.status, rule.body),
      problem,
      delayMs: rule.delayMs,
      afterStore: null,
    };
  const forwarding = deps.settings.get(inbox).forwarding;
  // Another inspector forwarded it already: kept here, never sent on again (no ping-pong between two).
  if (forwarding === null || forwardedBy(headers).length > 0) return problem === null ? ACCEPT : FLAGGED;
  const { url } = forwarding;
  if (forwarding.mode === 'tap') {
    return { ...ACCEPT, problem, afterStore: (id) => deps.tap(id, url, body, headers) };
  }
  const result = await deps.forwarder.send(url, body, headers);
  return {
    answer: answers.proxied(result),
    problem,
    delayMs: 0,
    // Recorded in the background: the platform's answer does not wait for the bookkeeping.
    afterStore: (id) => {
      deps.forwarder.attempt(id, 'proxy', url, body, result).catch((error: unknown) => {
        deps.log(`receiver: the proxy attempt of delivery #${id} was not recorded: ${describeError(error)}`);
      });
    },
  };
}
