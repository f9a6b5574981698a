// The same rule core applies before calling setWebhook (core/botapi/webhook-url.ts),
// checked here too so a bad URL is explained at once, without a round trip.

/** `URL.hostname` keeps IPv6 brackets: `[::1]`. */
export function isLoopback(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '');
  if (host === 'localhost' || host === '::1') return true;
  // Parsed by URL, so an IPv4 host is already in dotted-decimal form.
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

export interface WebhookUrlPolicy {
  /** The sandbox platform runs on this machine, so it can deliver to loopback http. */
  sandbox: boolean;
}

/** Why a webhook URL cannot work, or null when it can. */
export function webhookUrlProblem(raw: string, { sandbox }: WebhookUrlPolicy): string | null {
  const trimmed = raw.trim();
  if (trimmed === '') return 'Enter the URL the platform should deliver to.';
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return `“${trimmed}” is not an absolute URL: it needs a scheme and a host, like https://example.com/webhook.`;
  }
  if (url.protocol === 'https:') return null;
  if (url.protocol === 'http:') {
    if (sandbox && isLoopback(url.hostname)) return null;
    return sandbox
      ? 'The webhook URL must use HTTPS; the sandbox also accepts http:// to this machine (localhost, 127.x, ::1).'
      : 'The webhook URL must use HTTPS: platforms do not deliver to plain http://. Use a tunnel that gives an https:// URL.';
  }
  return `The webhook URL must use HTTPS, not ${url.protocol.replace(':', '')}.`;
}

/** A plain http:// URL to this machine: only the sandbox delivers there, so the UI marks it. */
export function isLoopbackHttp(raw: string): boolean {
  try {
    const url = new URL(raw);
    return url.protocol === 'http:' && isLoopback(url.hostname);
  } catch {
    return false;
  }
}
