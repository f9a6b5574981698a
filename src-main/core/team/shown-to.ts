import type { MethodName, Output, Role } from '@contract';
import { AUDIT_EXPORT_PREFIX } from '../audit/audit-store';
import { MASK, maskHeaders, maskQuery } from '../transfer/mask';

/** A URL with its password and credential-like query values masked; anything unparsable as it was. */
function maskUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url;
  }
  if (parsed.password) parsed.password = MASK;
  const query = parsed.search.slice(1);
  const masked = maskQuery(query, true);
  if (masked !== query) parsed.search = masked;
  return parsed.href;
}

type Shown = { [M in MethodName]?: (value: Output<M>) => Output<M> };

/**
 * Viewers read everything but secrets: what an answer carries of the
 * credentials core keeps or received is masked with the export's patterns
 * (a delivery's credential headers and query values, a signed link's `sig`,
 * the sandbox bot's token, credentials in a forwarding address, an answer's
 * cookies). Events carry none of these (lists and progress only), so they go
 * to every role unchanged.
 */
const FOR_VIEWERS: Shown = {
  'sandbox.info': (info) => ({ ...info, token: MASK }),
  'deliveries.get': (detail) => ({
    ...detail,
    headers: maskHeaders(detail.headers),
    query: maskQuery(detail.query, true),
  }),
  'replay.attempts': ({ items }) => ({
    items: items.map((a) => ({
      ...a,
      responseHeaders: maskHeaders(a.responseHeaders),
      sentHeaders: maskHeaders(a.sentHeaders),
    })),
  }),
  'inboxes.settings': (settings) =>
    settings.forwarding === null
      ? settings
      : { ...settings, forwarding: { ...settings.forwarding, url: maskUrl(settings.forwarding.url) } },
  'capture.list': ({ items }) => ({
    items: items.map((c) => ({
      ...c,
      tapUrl: c.tapUrl === null ? null : maskUrl(c.tapUrl),
      saved: { ...c.saved, url: maskUrl(c.saved.url) },
    })),
  }),
};

/** What anyone but an admin sees: audit exports sit among the exports, but only admins may fetch them. */
const FOR_NON_ADMINS: Shown = {
  'export.list': ({ items }) => ({ items: items.filter((e) => !e.file.startsWith(AUDIT_EXPORT_PREFIX)) }),
};

type Cut = (value: unknown) => unknown;

/** A method's answer as a person of this role may see it. */
export function shownTo(role: Role, method: MethodName, value: unknown): unknown {
  let shown = value;
  const forViewer = role === 'viewer' ? (FOR_VIEWERS[method] as Cut | undefined) : undefined;
  if (forViewer) shown = forViewer(shown);
  const forNonAdmin = role === 'admin' ? undefined : (FOR_NON_ADMINS[method] as Cut | undefined);
  if (forNonAdmin) shown = forNonAdmin(shown);
  return shown;
}
