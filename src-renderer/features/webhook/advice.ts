import type { WebhookInfo } from '@contract';
import type { ErrorDetails } from '@contract/errors';

export type AdviceId =
  | 'https'
  | 'unreachable'
  | 'server-error'
  | 'webhook-status'
  | 'secret-token'
  | 'timeout'
  | 'idempotent'
  | 'pending-no-webhook'
  | 'token'
  | 'rate-limit'
  | 'platform-unreachable'
  | 'platform-timeout'
  | 'platform-error'
  | 'invalid-response';

export interface Advice {
  id: AdviceId;
  text: string;
}

/** A failed call as far as advice cares; a ContractError and a store's CallError both fit. */
export interface AdviceError {
  message: string;
  details?: ErrorDetails | null;
}

export interface AdviceContext {
  /** The pending count rose between two looks: deliveries are failing and being retried. */
  pendingGrowing?: boolean;
  /** The built-in sandbox delivers from this machine: "public" and "HTTPS" do not apply to it. */
  sandbox?: boolean;
}

const ADVICE = {
  https:
    'The URL must be HTTPS and publicly reachable. For a server on your machine, use a tunnel (cloudflared, ngrok, …) that gives an https:// URL, and set that.',
  httpsSandbox:
    'The URL must be HTTPS, or for the sandbox plain http:// to this machine (localhost, 127.0.0.1, ::1).',
  unreachable:
    'The platform cannot reach your server: is it running, is the URL public (not localhost or a private address), and does its port accept connections from the internet?',
  unreachableSandbox:
    'The sandbox cannot reach your server: is it running, and listening on the host and port of the webhook URL?',
  serverError: (status: number) =>
    `Your server answered ${status}: check your server logs, and answer 200 even when your own handling fails.`,
  webhookStatus: (status: number) =>
    `Your server answered ${status}; the platform only counts a 2xx answer. Check the path, and answer 200 directly, without a redirect.`,
  secretToken: (status: number) =>
    `Your server refused the platform (${status}): check the token it expects — the secret token set with the webhook must match the one your server checks.`,
  timeout:
    'Answer within 10 seconds: reply 200 first and do slow work (API calls, database writes) after answering or in a queue.',
  idempotent:
    'Updates are piling up and will be retried, so the same update can arrive more than once: make handling idempotent on update_id (remember the ids already processed).',
  pendingNoWebhook:
    'Updates are waiting but no webhook is set: set one to receive them, or delete with “drop pending updates” to discard them.',
  tokenRefused: (status: number) =>
    `The platform refused the bot (${status}): check the token — copy the bot's API token into Profiles again.`,
  tokenMissing: 'Check the token: this profile has no API token yet. Add it in Profiles.',
  rateLimit: (retryAfter: number | null | undefined) =>
    retryAfter == null
      ? 'Too many requests: wait a little before trying again.'
      : `Too many requests: wait ${retryAfter} seconds before trying again.`,
  platformUnreachable:
    "The inspector cannot reach the platform's API: check the profile's base URL and this machine's network.",
  platformTimeout:
    "The platform's API did not answer in time: try again; if it keeps happening, check the base URL and your network.",
  platformError: (status: number) => `The platform itself failed (HTTP ${status}): try again in a moment.`,
  invalidResponse: "The base URL answered, but not with the bot API's JSON: check the profile's base URL.",
};

const httpsAdvice = (context: AdviceContext): Advice => ({
  id: 'https',
  text: context.sandbox ? ADVICE.httpsSandbox : ADVICE.https,
});

/** The HTTP status a platform's or the sandbox's error text reports for the webhook's answer. */
function webhookStatusIn(text: string): number | null {
  const match =
    /wrong response from the webhook:?\s*(\d{3})\b/i.exec(text) ?? /\bHTTP\s*(\d{3})\b/.exec(text);
  return match?.[1] === undefined ? null : Number(match[1]);
}

/** Advice for a delivery error as the platform words it (getWebhookInfo's last_error_message). */
function adviceForDeliveryError(
  text: string,
  context: AdviceContext,
  retryAfter?: number | null,
): Advice | null {
  const status = webhookStatusIn(text);
  if (status !== null) {
    if (status >= 500) return { id: 'server-error', text: ADVICE.serverError(status) };
    if (status === 401 || status === 403) return { id: 'secret-token', text: ADVICE.secretToken(status) };
    if (status === 429) return { id: 'rate-limit', text: ADVICE.rateLimit(retryAfter) };
    if (status < 200 || status >= 300) return { id: 'webhook-status', text: ADVICE.webhookStatus(status) };
  }
  if (/time[ds]? ?out|timeout/i.test(text)) return { id: 'timeout', text: ADVICE.timeout };
  // Certificate trouble, or Telegram's "bad webhook: An HTTPS URL must be provided" — not any mention of https.
  if (/\bssl\b|\btls\b|certificate|https url|must (use|be) https/i.test(text)) return httpsAdvice(context);
  if (
    /refused|resolve|not known|unreachable|no route|reset|ENOTFOUND|ECONNREFUSED|EHOSTUNREACH|ENETUNREACH|failed to deliver|failed to connect/i.test(
      text,
    )
  ) {
    return { id: 'unreachable', text: context.sandbox ? ADVICE.unreachableSandbox : ADVICE.unreachable };
  }
  if (/too many requests/i.test(text)) return { id: 'rate-limit', text: ADVICE.rateLimit(retryAfter) };
  return null;
}

function adviceForInfo(info: WebhookInfo, context: AdviceContext): Advice[] {
  const advice: Advice[] = [];
  const message = info.lastErrorMessage ?? '';
  if (message !== '') {
    const matched = adviceForDeliveryError(message, context);
    if (matched !== null) advice.push(matched);
  }
  if (info.url === '' && (info.pendingUpdateCount ?? 0) > 0) {
    advice.push({ id: 'pending-no-webhook', text: ADVICE.pendingNoWebhook });
  } else if (context.pendingGrowing === true) {
    advice.push({ id: 'idempotent', text: ADVICE.idempotent });
  }
  return advice;
}

function adviceForError(error: AdviceError, context: AdviceContext): Advice[] {
  const details = error.details ?? null;
  const text = details?.description ?? error.message;
  if (details === null || details.kind === undefined) {
    // Core's own refusals carry no details; the one advice can help with is a missing token.
    return /no API token/i.test(error.message) ? [{ id: 'token', text: ADVICE.tokenMissing }] : [];
  }
  const status = details.status ?? null;
  switch (details.kind) {
    case 'refused':
      // Refused before sending: the only such check on a webhook is the URL's.
      return /https|http:|url/i.test(text) ? [httpsAdvice(context)] : [];
    case 'timeout':
      return [{ id: 'platform-timeout', text: ADVICE.platformTimeout }];
    case 'network':
      return [{ id: 'platform-unreachable', text: ADVICE.platformUnreachable }];
    case 'invalid-response':
      return [{ id: 'invalid-response', text: ADVICE.invalidResponse }];
    case 'api': {
      if (status === 429) return [{ id: 'rate-limit', text: ADVICE.rateLimit(details.retryAfter) }];
      if (status === 401 || status === 403) return [{ id: 'token', text: ADVICE.tokenRefused(status) }];
      // Telegram answers an unknown token with 404 Not Found.
      if (status === 404 && !/webhook/i.test(text))
        return [{ id: 'token', text: ADVICE.tokenRefused(status) }];
      // A 400 from setWebhook names what is wrong with the URL ("bad webhook: …"): word it like a delivery error.
      const fromText = adviceForDeliveryError(text, context, details.retryAfter);
      if (fromText !== null) return [fromText];
      if (status !== null && status >= 500)
        return [{ id: 'platform-error', text: ADVICE.platformError(status) }];
      return [];
    }
  }
}

/**
 * Troubleshooting advice matched to what the platform said: a webhook's state
 * (its last delivery error, a growing queue) or a failed call. Plain words, in
 * the spirit of the Solafon docs' troubleshooting table; empty when nothing
 * specific applies.
 */
export function adviceFor(subject: WebhookInfo | AdviceError, context: AdviceContext = {}): Advice[] {
  return 'pendingUpdateCount' in subject ? adviceForInfo(subject, context) : adviceForError(subject, context);
}

/** Several sources of advice, each piece said once. */
export function mergeAdvice(...lists: Advice[][]): Advice[] {
  const seen = new Set<AdviceId>();
  const merged: Advice[] = [];
  for (const advice of lists.flat()) {
    if (seen.has(advice.id)) continue;
    seen.add(advice.id);
    merged.push(advice);
  }
  return merged;
}
