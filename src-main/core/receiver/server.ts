import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type DeliveryListItem, InboxName, linkPathSegment } from '@contract';
import type { NewDelivery } from '../deliveries/records';
import { describeError } from '../describe-error';
import { forwardedBy } from '../forwarding/hop';
import { listen } from '../http/listen';
import type { LinkHit, LinkOutcome } from '../links/handle-link';
import { answers, sendAnswer } from './answers';
import type { BodyClaim } from './body-budget';
import { classify } from './classify';
import { clientAddress } from './client-address';
import { ACCEPT, type Decide } from './decide';
import { createGuardedServer } from './guarded-server';
import { type ReceiverLimits, receiverLimits } from './limits';
import { readBody } from './read-body';

/*
 * The webhook receiver. A delivery's path, top to bottom in handleDelivery:
 * the refusals that need no body → readBody → classify (what the body is,
 * classify.ts) → decide (what its inbox's secret check, rule and forwarding
 * want, decide.ts) → store (group-committed: store/delivery-commits.ts) →
 * afterStore (the forwarding owed to a stored delivery) → the answer
 * (answers.ts), after a rule's delay.
 */

export interface ReceiverOptions {
  host: string;
  port: number;
  maxBodyBytes: number;
  defaultInbox: string;
  hasInbox: (name: string) => boolean;
  /** Resolves once the delivery is committed (in startCore: store/delivery-commits.ts). */
  store: (delivery: NewDelivery) => Promise<DeliveryListItem>;
  log: (message: string) => void;
  /** Signed-link hits (`/ownlang/webhook/<bot id>`): verified and run by core. */
  links: (hit: LinkHit) => Promise<LinkOutcome>;
  /**
   * Judges each accepted delivery by its inbox's settings: secret check,
   * response rule, forwarding (see decide.ts). Absent: every accepted
   * delivery gets 200.
   */
  decide?: Decide;
  /** This inspector's id in the forwarding hop header: a delivery naming it came back to us in a loop. */
  instanceId?: string;
  /** Caps and timeouts against hostile clients; what is not given is derived (see receiverLimits). */
  limits?: Partial<ReceiverLimits>;
  /**
   * Reached only through a reverse proxy: the client's address is the last
   * hop of X-Forwarded-For, and connections are not capped per address (they
   * all come from the proxy; the proxy limits its clients).
   */
  trustProxy?: boolean;
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

/** Starts the webhook receiver; resolves once it listens. */
export async function startReceiver(options: ReceiverOptions): Promise<Receiver> {
  const limits = receiverLimits(options.limits ?? {}, options.maxBodyBytes);
  const guard = { perAddress: !options.trustProxy };
  const { server, load } = createGuardedServer(limits, options.log, guard, (req, res, claim) => {
    handle(req, res, options, claim)
      // Held until answered: a proxied or delayed body is still in memory while it waits.
      .finally(() => claim.release())
      .catch((error: unknown) => {
        options.log(`receiver: request failed: ${describeError(error)}`);
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

/**
 * Routes a request: deliveries to /webhook[/<inbox>], signed-link hits, and
 * a word about us for the rest. Not async itself: a delivery's own promise is
 * the request's, none more per request.
 */
function handle(
  req: IncomingMessage,
  res: ServerResponse,
  options: ReceiverOptions,
  claim: BodyClaim,
): Promise<void> {
  const receivedAt = Date.now();
  const target = splitTarget(req.url ?? '/');
  const link = linkPathSegment(target.path);
  if (link !== null) return handleLink(req, res, options, claim, target, link, receivedAt);
  const match = WEBHOOK_PATH.exec(target.path);
  if (match) return handleDelivery(req, res, options, claim, target, match[1], receivedAt);
  return handleOther(req, res, target.path);
}

async function handleOther(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
  const isAbout = (path === '/' || path === '/healthz') && req.method === 'GET';
  sendAnswer(res, isAbout ? answers.about() : answers.notFound(path));
}

/**
 * A delivery, from request to answer: refusals that need no body, the body,
 * what it is (classify), what its inbox wants (decide), the commit, then the
 * answer, after the work owed to a stored delivery.
 */
async function handleDelivery(
  req: IncomingMessage,
  res: ServerResponse,
  options: ReceiverOptions,
  claim: BodyClaim,
  target: { path: string; query: string },
  inboxSegment: string | undefined,
  receivedAt: number,
): Promise<void> {
  if (req.method !== 'POST') {
    sendAnswer(res, answers.methodNotAllowed(req.method ?? '?'));
    return;
  }
  const inboxName = decodeInbox(inboxSegment, options.defaultInbox);
  if (inboxName === null) {
    sendAnswer(res, answers.notFound(target.path));
    return;
  }
  const headers = headerPairs(req.rawHeaders);
  if (options.instanceId !== undefined && forwardedBy(headers).includes(options.instanceId)) {
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
  // Only an accepted delivery is for its inbox to judge; a refused one is stored as refused.
  const asked =
    verdict.answer.status === 200 ? (options.decide?.(inboxName, verdict.body, headers) ?? ACCEPT) : null;
  // Most inboxes check nothing: decided at once, no await on the hot path for them.
  const decision = asked instanceof Promise ? await asked : asked;
  let answer = decision?.answer ?? verdict.answer;

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
      problem: decision?.problem ?? verdict.problem,
      summary: verdict.summary,
    });
    storedId = stored.id;
  } catch (error) {
    options.log(`receiver: could not store a delivery: ${describeError(error)}`);
    answer = answers.storageFailed();
  }

  if (storedId !== null && decision?.afterStore) {
    // Committed: whatever happens to its forwarding now, the platform must hear the delivery was taken,
    // or its retry becomes a duplicate.
    try {
      await decision.afterStore(storedId);
    } catch (error) {
      options.log(
        `receiver: delivery #${storedId} is stored, but its forwarding failed: ${describeError(error)}`,
      );
    }
  }
  // A rule's delay comes after the commit: the delivery is kept even if the platform gives up waiting.
  const delayMs = storedId === null ? 0 : (decision?.delayMs ?? 0);
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
    options.log(`receiver: could not store a link hit: ${describeError(error)}`);
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
