import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Forwarding, ResponseRule } from '@contract';
import { type DeliveryListItem, InboxName } from '@contract';
import type { NewDelivery } from '../deliveries/records';
import { describeError } from '../describe-error';
import type { ForwardResult } from '../forwarding/forwarder';
import { forwardedBy } from '../forwarding/hop';
import { listen } from '../http/listen';
import type { SecretVerdict } from '../inboxes/secret-check';
import type { LinkHit, LinkOutcome } from '../links/handle-link';
import { answers, sendAnswer } from './answers';
import type { BodyClaim } from './body-budget';
import { classify } from './classify';
import { clientAddress } from './client-address';
import { createGuardedServer } from './guarded-server';
import { type ReceiverLimits, receiverLimits } from './limits';
import { readBody } from './read-body';

export interface ReceiverOptions {
  host: string;
  port: number;
  maxBodyBytes: number;
  defaultInbox: string;
  hasInbox: (name: string) => boolean;
  /** Resolves once the delivery is committed. */
  store: (delivery: NewDelivery) => Promise<DeliveryListItem>;
  log: (message: string) => void;
  /** Signed-link hits (`/ownlang/webhook/<bot id>`): verified and run by core. */
  links: (hit: LinkHit) => Promise<LinkOutcome>;
  /** Per-inbox response rules and forwarding; absent: every accepted delivery gets 200. */
  policy?: ReceiverPolicy;
  /** Caps and timeouts against hostile clients; what is not given is derived (see receiverLimits). */
  limits?: Partial<ReceiverLimits>;
  /**
   * Reached only through a reverse proxy: the client's address is the last
   * hop of X-Forwarded-For, and connections are not capped per address (they
   * all come from the proxy; the proxy limits its clients).
   */
  trustProxy?: boolean;
}

export interface ReceiverPolicy {
  /** This inspector's id in the forwarding hop header: a delivery naming it came back to us in a loop. */
  instanceId: string;
  rule(inbox: string): Promise<ResponseRule | null>;
  forwarding(inbox: string): Forwarding | null;
  proxy(url: string, body: Buffer, headers: Array<[string, string]>): Promise<ForwardResult>;
  proxied(deliveryId: number, url: string, body: Buffer, result: ForwardResult): Promise<void>;
  /** Owes a forward of a stored delivery; on a team server it is queued in the database before the answer. */
  tap(deliveryId: number, url: string, body: Buffer, headers: Array<[string, string]>): Promise<void> | void;
  /** Whether the delivery carries the webhook secret of the profile feeding the inbox (inboxes/secret-check). */
  secret?(inbox: string, headers: Array<[string, string]>): SecretVerdict | Promise<SecretVerdict>;
}

export interface Receiver {
  url: string;
  port: number;
  /** The limits in force. */
  limits: ReceiverLimits;
  /** What clients hold right now: open connections and body bytes of requests in progress. */
  load(): { connections: number; bodyBytes: number };
  close(): Promise<void>;
}

const WEBHOOK_PATH = /^\/webhook(?:\/([^/]*))?\/?$/;
const LINK_PATH = /^\/ownlang\/webhook\/([^/]+)$/;

/** Starts the webhook receiver; resolves once it listens. */
export async function startReceiver(options: ReceiverOptions): Promise<Receiver> {
  const limits = receiverLimits(options.limits ?? {}, options.maxBodyBytes);
  const guard = { perAddress: !options.trustProxy };
  const { server, load } = createGuardedServer(limits, options.log, guard, (req, res, claim) => {
    handle(req, res, options, claim)
      // Held until answered: a proxied or delayed body is still in memory while it waits.
      .finally(() => claim.release())
      .catch((error: unknown) => {
        options.log(`receiver: request failed: ${error instanceof Error ? error.message : String(error)}`);
        if (!res.headersSent) sendAnswer(res, answers.internal());
        else res.destroy();
      })
      // Answering can fail too (the socket went away): cut it rather than leave a rejection behind.
      .catch(() => res.destroy());
  });
  await listen(server, options.port, options.host);
  const { port } = server.address() as AddressInfo;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    url: `http://${host}:${port}`,
    port,
    limits,
    load,
    close: () => close(server),
  };
}

async function handle(
  req: IncomingMessage,
  res: ServerResponse,
  options: ReceiverOptions,
  claim: BodyClaim,
): Promise<void> {
  const receivedAt = Date.now();
  const target = splitTarget(req.url ?? '/');
  const link = LINK_PATH.exec(target.path);
  if (link) return handleLink(req, res, options, claim, target, link[1] ?? '', receivedAt);
  const match = WEBHOOK_PATH.exec(target.path);
  if (!match) {
    const isAbout = (target.path === '/' || target.path === '/healthz') && req.method === 'GET';
    sendAnswer(res, isAbout ? answers.about() : answers.notFound(target.path));
    return;
  }
  if (req.method !== 'POST') {
    sendAnswer(res, answers.methodNotAllowed(req.method ?? '?'));
    return;
  }
  const inboxName = decodeInbox(match[1], options.defaultInbox);
  if (inboxName === null) {
    sendAnswer(res, answers.notFound(target.path));
    return;
  }
  const headers = headerPairs(req.rawHeaders);
  const hops = forwardedBy(headers);
  const policy = options.policy;
  if (policy && hops.includes(policy.instanceId)) {
    // Our own forwarder sent this (through a tunnel or a name for this machine): the original is stored.
    sendAnswer(res, answers.forwardLoop());
    return;
  }
  const body = await readBody(req, options.maxBodyBytes, claim);
  if (body.kind === 'aborted') return; // The client left; nothing was acknowledged.
  if (body.kind === 'busy') {
    // Not stored: keeping it is what memory cannot afford right now. The platform retries.
    sendAnswer(res, answers.busy());
    return;
  }
  const verdict = classify(
    body,
    { name: inboxName, known: options.hasInbox(inboxName) },
    options.maxBodyBytes,
  );
  let answer = verdict.answer;
  let problem = verdict.problem;
  if (policy?.secret && answer.status === 200) {
    const asked = policy.secret(inboxName, headers);
    // Most inboxes check nothing and answer at once: no await on the hot path for them.
    const secret = typeof asked === 'string' ? asked : await asked;
    // Whether it is really the platform matters more than an unknown shape.
    if (secret !== 'ok') problem = 'bad-secret';
    // Refused as a careful bot would: no rule, no forwarding to the bot either.
    if (secret === 'reject') answer = answers.badSecret();
  }
  let delayMs = 0;
  let proxied: { url: string; result: ForwardResult } | null = null;
  let tapUrl: string | null = null;
  if (policy && answer.status === 200) {
    const rule = await policy.rule(inboxName);
    // Another inspector forwarded it already: kept here, never sent on again (no ping-pong between two).
    const forwarding = rule || hops.length > 0 ? null : policy.forwarding(inboxName);
    if (rule) {
      answer = answers.byRule(rule.status, rule.body);
      delayMs = rule.delayMs;
    } else if (forwarding?.mode === 'proxy') {
      const result = await policy.proxy(forwarding.url, verdict.body, headers);
      proxied = { url: forwarding.url, result };
      answer = answers.proxied(result);
    } else if (forwarding?.mode === 'tap') tapUrl = forwarding.url;
  }
  let storedId: number | null = null;
  try {
    const stored = await options.store({
      receivedAt,
      inbox: inboxName,
      method: 'POST',
      path: target.path,
      query: target.query,
      headers,
      remoteAddress: clientAddress(req, options.trustProxy ?? false),
      body: verdict.body,
      bodySize: verdict.bodySize,
      bodyOmitted: verdict.bodyOmitted,
      responseStatus: answer.status,
      responseBody: answer.body,
      problem,
      summary: verdict.summary,
    });
    storedId = stored.id;
  } catch (error) {
    options.log(`receiver: could not store a delivery: ${describeError(error)}`);
    answer = answers.storageFailed();
    delayMs = 0;
  }
  if (storedId !== null) {
    // Committed: whatever happens to its forwarding now, the platform must hear the delivery was taken,
    // or its retry becomes a duplicate.
    try {
      // Recorded in the background: the platform's answer does not wait for the bookkeeping.
      if (proxied) {
        const id = storedId;
        policy?.proxied(id, proxied.url, verdict.body, proxied.result).catch((error: unknown) => {
          options.log(
            `receiver: the proxy attempt of delivery #${id} was not recorded: ${describeError(error)}`,
          );
        });
      }
      if (tapUrl) await policy?.tap(storedId, tapUrl, verdict.body, headers);
    } catch (error) {
      options.log(
        `receiver: delivery #${storedId} is stored, but its forwarding failed: ${describeError(error)}`,
      );
    }
  }
  // A rule's delay comes after the commit: the delivery is kept even if the platform gives up waiting.
  if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
  sendAnswer(res, answer);
}

async function handleLink(
  req: IncomingMessage,
  res: ServerResponse,
  options: ReceiverOptions,
  claim: BodyClaim,
  target: { path: string; query: string },
  botIdSegment: string,
  receivedAt: number,
): Promise<void> {
  const method = req.method ?? 'GET';
  if (method !== 'GET' && method !== 'POST') {
    sendAnswer(res, answers.methodNotAllowed(method, 'GET, POST'));
    return;
  }
  const body = await readBody(req, options.maxBodyBytes, claim);
  if (body.kind === 'aborted') return;
  if (body.kind === 'busy') {
    sendAnswer(res, answers.busy());
    return;
  }
  if (body.kind === 'too-large') {
    sendAnswer(res, answers.tooLarge(body.size, options.maxBodyBytes));
    return;
  }
  const headers = headerPairs(req.rawHeaders);
  const remoteAddress = clientAddress(req, options.trustProxy ?? false);
  const outcome = await options.links({
    method,
    botIdSegment,
    rawQuery: target.query,
    headers,
    body: body.body,
    remoteAddress,
  });
  let answer = outcome.answer;
  try {
    await options.store({
      receivedAt,
      inbox: outcome.inbox,
      method,
      path: target.path,
      query: target.query,
      headers,
      remoteAddress,
      body: body.body,
      bodySize: body.body.length,
      bodyOmitted: false,
      responseStatus: answer.status,
      responseBody: outcome.responseBody,
      problem: outcome.problem,
      summary: outcome.summary,
      invocation: outcome.invocation,
    });
  } catch (error) {
    options.log(
      `receiver: could not store a link hit: ${error instanceof Error ? error.message : String(error)}`,
    );
    answer = answers.storageFailed();
  }
  sendAnswer(res, answer);
}

function splitTarget(url: string): { path: string; query: string } {
  const q = url.indexOf('?');
  return q === -1 ? { path: url, query: '' } : { path: url.slice(0, q), query: url.slice(q + 1) };
}

/** The inbox named by the path, the default one for a bare /webhook, null for a name we never accept. */
function decodeInbox(segment: string | undefined, fallback: string): string | null {
  if (segment === undefined || segment === '') return fallback;
  let name: string;
  try {
    name = decodeURIComponent(segment);
  } catch {
    return null;
  }
  return InboxName.safeParse(name).success ? name : null;
}

function headerPairs(raw: string[]): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  for (let i = 0; i + 1 < raw.length; i += 2) pairs.push([raw[i] as string, raw[i + 1] as string]);
  return pairs;
}

/**
 * Stops accepting, lets requests already in flight be committed and answered,
 * and cuts whatever is still open after a grace period.
 */
function close(server: Server, graceMs = 3000): Promise<void> {
  return new Promise((resolve) => {
    const force = setTimeout(() => server.closeAllConnections(), graceMs);
    server.close(() => {
      clearTimeout(force);
      resolve();
    });
    server.closeIdleConnections();
  });
}
