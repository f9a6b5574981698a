import { networkInterfaces } from 'node:os';

/**
 * Whether a forwarding URL would reach this inspector's own receiver, which
 * would forward each delivery to itself again. Judged from the URL alone:
 * a team server's public origin, and loopback names and addresses, the
 * wildcard, the receiver's host and this machine's interface addresses on
 * the receiver's port. Other names (a tunnel's, the machine's DNS name)
 * are not resolved here; the hop header stops those when the delivery
 * comes back.
 */
export function pointsAtReceiver(
  url: string,
  receiver: { host: string; port: number; publicUrl?: string | null },
): boolean {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return false;
  }
  // A team server's public origin is its proxy, which hands the delivery back to a replica.
  if (receiver.publicUrl && target.origin === receiver.publicUrl) return true;
  const port = target.port === '' ? (target.protocol === 'https:' ? 443 : 80) : Number(target.port);
  if (port !== receiver.port) return false;
  // The URL parser already wrote IPv4 in dotted form (`2130706433`, `0x7f.1` → 127.0.0.1) and IPv6 compressed.
  const host = unmapped(bare(target.hostname));
  return (
    isLoopback(host) ||
    host === '0.0.0.0' ||
    host === '::' ||
    host === unmapped(bare(receiver.host)) ||
    localAddresses().has(host)
  );
}

function bare(host: string): string {
  return host
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '')
    .toLowerCase();
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host.endsWith('.localhost') || host === '::1' || /^127\./.test(host);
}

/** `::ffff:7f00:1` (how the URL parser writes ::ffff:127.0.0.1) as 127.0.0.1; anything else as it is. */
function unmapped(host: string): string {
  const m = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(host);
  if (!m) return host;
  const hi = Number.parseInt(m[1] as string, 16);
  const lo = Number.parseInt(m[2] as string, 16);
  return [hi >> 8, hi & 255, lo >> 8, lo & 255].join('.');
}

function localAddresses(): Set<string> {
  const found = new Set<string>();
  for (const list of Object.values(networkInterfaces()))
    for (const info of list ?? []) found.add(unmapped(bare(info.address.split('%')[0] ?? '')));
  return found;
}
