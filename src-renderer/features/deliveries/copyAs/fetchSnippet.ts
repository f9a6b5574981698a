import type { DeliveryDetail } from '@contract';
import { joinUrl, resendHeaders } from '../curl';
import { pathWithQuery } from '../format';

type Resendable = Pick<DeliveryDetail, 'method' | 'path' | 'query' | 'headers' | 'body'>;

/**
 * JavaScript that sends this delivery to the receiver again with `fetch` (a browser console,
 * Node 18+ or Deno). Headers go as an array of pairs so repeated names survive; a body that is
 * not text is decoded from base64 into bytes.
 */
export function buildFetch(delivery: Resendable, receiverUrl: string): string {
  const url = joinUrl(receiverUrl, pathWithQuery(delivery.path, delivery.query));
  const init: string[] = [`  method: ${JSON.stringify(delivery.method)},`];
  const headers = resendHeaders(delivery.headers);
  if (headers.length > 0) {
    const pairs = headers.map(([name, value]) => `    [${JSON.stringify(name)}, ${JSON.stringify(value)}],`);
    init.push(`  headers: [\n${pairs.join('\n')}\n  ],`);
  }
  const { body } = delivery;
  if (!body.omitted && body.base64 !== '') {
    init.push(
      body.text !== null
        ? `  body: ${JSON.stringify(body.text)},`
        : `  body: Uint8Array.from(atob(${JSON.stringify(body.base64)}), (c) => c.charCodeAt(0)),`,
    );
  }
  return `await fetch(${JSON.stringify(url)}, {\n${init.join('\n')}\n});`;
}
