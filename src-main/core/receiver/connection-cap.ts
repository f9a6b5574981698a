import type { Server } from 'node:http';
import type { Socket } from 'node:net';

export interface PerAddressCap {
  perAddress: number;
  onRefused: (address: string) => void;
  /**
   * Addresses not limited one by one; by default loopback. Loopback is this
   * machine — the sandbox, local tools and benchmarks, or a tunnel client
   * that brings every remote caller in from 127.0.0.1 — where a per-address
   * cap would only be a smaller global one. maxConnections still holds.
   */
  exempt?: (address: string) => boolean;
}

/**
 * Counts the server's open connections, per client address too, and closes
 * as soon as it is accepted one past `perAddress`: one client cannot take
 * all of `maxConnections` (which Node enforces before this runs) for itself.
 */
export function capPerAddress(server: Server, cap: PerAddressCap): { open(): number } {
  const exempt = cap.exempt ?? isLoopbackAddress;
  const open = new Map<string, number>();
  let total = 0;
  server.on('connection', (socket: Socket) => {
    const address = socket.remoteAddress ?? '';
    const key = exempt(address) ? null : addressKey(address);
    if (key !== null) {
      const count = open.get(key) ?? 0;
      if (count >= cap.perAddress) {
        socket.destroy();
        cap.onRefused(key);
        return;
      }
      open.set(key, count + 1);
    }
    total += 1;
    socket.once('close', () => {
      total -= 1;
      if (key === null) return;
      const left = (open.get(key) ?? 1) - 1;
      if (left === 0) open.delete(key);
      else open.set(key, left);
    });
  });
  return { open: () => total };
}

export function isLoopbackAddress(address: string): boolean {
  return address.startsWith('127.') || address === '::1' || address.toLowerCase().startsWith('::ffff:127.');
}

/**
 * The client an address stands for. One IPv6 host is given a whole /64 and
 * may use any address in it, so IPv6 counts per /64; IPv4 (also when mapped
 * into IPv6) per address.
 */
export function addressKey(address: string | undefined): string {
  if (!address) return '';
  const bare = address.split('%')[0] ?? '';
  if (!bare.includes(':')) return bare;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(bare);
  if (mapped) return mapped[1] as string;
  const groups = expandIPv6(bare);
  if (!groups) return bare.toLowerCase();
  return `${groups.slice(0, 4).join(':')}::/64`;
}

/** The eight 16-bit groups of an IPv6 address, without leading zeros; null when it is not one. */
function expandIPv6(address: string): string[] | null {
  const halves = address.toLowerCase().split('::');
  if (halves.length > 2) return null;
  const part = (text: string | undefined) => (text ? text.split(':') : []);
  const head = part(halves[0]);
  const tail = part(halves[1]);
  const last = tail.length > 0 ? tail : head;
  const dotted = last[last.length - 1];
  if (dotted?.includes('.')) {
    // An IPv4 tail (::1.2.3.4) is two groups.
    const bytes = dotted.split('.').map(Number);
    last.splice(last.length - 1, 1, (((bytes[0] ?? 0) << 8) | (bytes[1] ?? 0)).toString(16));
    last.push((((bytes[2] ?? 0) << 8) | (bytes[3] ?? 0)).toString(16));
  }
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null;
  const groups = [...head, ...Array<string>(halves.length === 1 ? 0 : missing).fill('0'), ...tail];
  if (!groups.every((g) => /^[0-9a-f]{1,4}$/.test(g))) return null;
  return groups.map((g) => Number.parseInt(g, 16).toString(16));
}
