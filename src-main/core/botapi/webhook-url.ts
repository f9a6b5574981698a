import { isIP } from 'node:net';

export interface WebhookUrlPolicy {
  /** The sandbox platform delivers on this machine, so loopback http is allowed there. */
  allowLoopbackHttp: boolean;
}

/** `URL.hostname` of this machine's loopback (brackets of an IPv6 literal allowed). */
export const isLoopback = (hostname: string): boolean => {
  const host = hostname.replace(/^\[|\]$/g, '');
  if (host === 'localhost') return true;
  if (isIP(host) === 4) return host.startsWith('127.');
  return host === '::1';
};

/** Why a webhook URL cannot work, or null when it can. Checked before any request. */
export function webhookUrlProblem(raw: string, policy: WebhookUrlPolicy): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return `"${raw}" is not an absolute URL.`;
  }
  if (url.protocol === 'https:') return null;
  if (url.protocol === 'http:' && policy.allowLoopbackHttp && isLoopback(url.hostname)) return null;
  if (url.protocol === 'http:') {
    return policy.allowLoopbackHttp
      ? 'The webhook URL must use HTTPS (the sandbox also accepts http:// on this machine only).'
      : 'The webhook URL must use HTTPS: platforms do not deliver to plain http://. Use a tunnel that gives an https:// URL.';
  }
  return `The webhook URL must use HTTPS, not ${url.protocol.replace(':', '')}.`;
}
