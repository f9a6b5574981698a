import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Forwarding, ResponseRule } from '@contract';
import { type DeliveryListItem, InboxName } from '@contract';
import type { NewDelivery } from '../deliveries/records';
import type { ForwardResult } from '../forwarding/forwarder';
import type { LinkHit, LinkOutcome } from '../links/handle-link';
import { type Answer, answers } from './answers';
import { classify } from './classify';
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
}

export interface ReceiverPolicy {
  rule(inbox: string): ResponseRule | null;
  forwarding(inbox: string): Forwarding | null;
  proxy(url: string, body: Buffer, headers: Array<[string, string]>): Promise<ForwardResult>;
  proxied(deliveryId: number, url: string, body: Buffer, result: ForwardResult): void;
  tap(deliveryId: number, url: string, body: Buffer, headers: Array<[string, string]>): void;
}

export interface Receiver {
  url: string;
  port: number;
  close(): Promise<void>;
}

const WEBHOOK_PATH = /^\/webhook(?:\/([^/]*))?\/?$/;
const LINK_PATH = /^\/ownlang\/webhook\/([^/]+)$/;

/** Starts the webhook receiver; resolves once it listens. */
export async function startReceiver(options: ReceiverOptions): Promise<Receiver> {
  const server = createServer((req, res) => {
    handle(req, res, options).catch((error: unknown) => {
      options.log(`receiver: request failed: ${error instanceof Error ? error.message : String(error)}`);
      if (!res.headersSent) send(res, answers.internal());
      else res.destroy();
    });
  });
  // A malformed request line or header never reaches the handler: answer it here.
  server.on('clientError', (_error, socket) => {
    if (socket.writable)
      socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    else socket.destroy();
  });
  await listen(server, options.port, options.host);
  const { port } = server.address() as AddressInfo;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    url: `http://${host}:${port}`,
    port,
    close: () => close(server),
  };
}

async function handle(req: IncomingMessage, res: ServerResponse, options: ReceiverOptions): Promise<void> {
  const receivedAt = Date.now();
  const target = splitTarget(req.url ?? '/');
  const link = LINK_PATH.exec(target.path);
  if (link) return handleLink(req, res, options, target, link[1] ?? '', receivedAt);
  const match = WEBHOOK_PATH.exec(target.path);
  if (!match) {
    const isAbout = (target.path === '/' || target.path === '/healthz') && req.method === 'GET';
    send(res, isAbout ? answers.about() : answers.notFound(target.path));
    return;
  }
  if (req.method !== 'POST') {
    send(res, answers.methodNotAllowed(req.method ?? '?'));
    return;
  }
  const inboxName = decodeInbox(match[1], options.defaultInbox);
  if (inboxName === null) {
    send(res, answers.notFound(target.path));
    return;
  }
  const body = await readBody(req, options.maxBodyBytes);
  if (body.kind === 'aborted') return; // The client left; nothing was acknowledged.
  const verdict = classify(
    body,
    { name: inboxName, known: options.hasInbox(inboxName) },
    options.maxBodyBytes,
  );
  const headers = headerPairs(req.rawHeaders);
  let answer = verdict.answer;
  let delayMs = 0;
  let proxied: { url: string; result: ForwardResult } | null = null;
  let tapUrl: string | null = null;
  const policy = options.policy;
  if (policy && answer.status === 200) {
    const rule = policy.rule(inboxName);
    const forwarding = rule ? null : policy.forwarding(inboxName);
    if (rule) {
      answer = answers.byRule(rule.status, rule.body);
      delayMs = rule.delayMs;
    } else if (forwarding?.mode === 'proxy') {
      const result = await policy.proxy(forwarding.url, verdict.body, headers);
      proxied = { url: forwarding.url, result };
      answer = answers.proxied(result);
    } else if (forwarding?.mode === 'tap') tapUrl = forwarding.url;
  }
  try {
    const stored = await options.store({
      receivedAt,
      inbox: inboxName,
      method: 'POST',
      path: target.path,
      query: target.query,
      headers,
      remoteAddress: req.socket.remoteAddress ?? null,
      body: verdict.body,
      bodySize: verdict.bodySize,
      bodyOmitted: verdict.bodyOmitted,
      responseStatus: answer.status,
      responseBody: answer.body,
      problem: verdict.problem,
      summary: verdict.summary,
    });
    if (proxied) policy?.proxied(stored.id, proxied.url, verdict.body, proxied.result);
    if (tapUrl) policy?.tap(stored.id, tapUrl, verdict.body, headers);
  } catch (error) {
    options.log(
      `receiver: could not store a delivery: ${error instanceof Error ? error.message : String(error)}`,
    );
    answer = answers.storageFailed();
    delayMs = 0;
  }
  // A rule's delay comes after the commit: the delivery is kept even if the platform gives up waiting.
  if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
  send(res, answer);
}

async function handleLink(
  req: IncomingMessage,
  res: ServerResponse,
  options: ReceiverOptions,
  target: { path: string; query: string },
  botIdSegment: string,
  receivedAt: number,
): Promise<void> {
  const method = req.method ?? 'GET';
  if (method !== 'GET' && method !== 'POST') {
    send(res, answers.methodNotAllowed(method, 'GET, POST'));
    return;
  }
  const body = await readBody(req, options.maxBodyBytes);
  if (body.kind === 'aborted') return;
  if (body.kind === 'too-large') {
    send(res, answers.tooLarge(body.size, options.maxBodyBytes));
    return;
  }
  const headers = headerPairs(req.rawHeaders);
  const remoteAddress = req.socket.remoteAddress ?? null;
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
  send(res, answer);
}

function send(res: ServerResponse, answer: Answer): void {
  res.writeHead(answer.status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(answer.body),
    ...answer.headers,
  });
  res.end(answer.body);
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

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
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
