import type { DeliveryDetail } from '@contract';
import { joinUrl, resendHeaders, shellQuote } from '../curl';
import { pathWithQuery } from '../format';

type Resendable = Pick<DeliveryDetail, 'method' | 'path' | 'query' | 'headers' | 'body'>;

/**
 * An HTTPie command that sends this delivery again. The body is piped in on stdin, byte for
 * byte (HTTPie would otherwise build its own JSON from `key=value` items); without a body,
 * `--ignore-stdin` keeps HTTPie from waiting for one.
 */
export function buildHttpie(delivery: Resendable, receiverUrl: string): string {
  const url = joinUrl(receiverUrl, pathWithQuery(delivery.path, delivery.query));
  // `Name;` is HTTPie's way to send a header with an empty value, as with curl.
  const items = resendHeaders(delivery.headers).map(([name, value]) =>
    shellQuote(value === '' ? `${name};` : `${name}:${value}`),
  );
  const { body } = delivery;
  const hasBody = !body.omitted && body.base64 !== '';
  const command = [
    'http',
    ...(hasBody ? [] : ['--ignore-stdin']),
    shellQuote(delivery.method),
    shellQuote(url),
    ...items,
  ].join(' ');
  if (!hasBody) return command;
  if (body.text !== null && !body.text.includes('\0')) {
    return `printf '%s' ${shellQuote(body.text)} | ${command}`;
  }
  return `printf '%s' ${shellQuote(body.base64)} | base64 --decode | ${command}`;
}
