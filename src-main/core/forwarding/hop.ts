/**
 * Marks what our forwarder sends, naming the inspector that sent it. A
 * delivery that carries it was forwarded once already: the receiver never
 * forwards it again, and refuses it outright when it names this very
 * inspector (it came back in a loop, e.g. through a tunnel to ourselves).
 */
export const HOP_HEADER = 'X-BWI-Forwarded';

/** The inspectors (instance ids) that forwarded a request, from every copy of the hop header. */
export function forwardedBy(headers: ReadonlyArray<readonly [string, string]>): string[] {
  const name = HOP_HEADER.toLowerCase();
  return headers
    .filter(([key]) => key.toLowerCase() === name)
    .flatMap(([, value]) => value.split(','))
    .map((id) => id.trim())
    .filter((id) => id !== '');
}
