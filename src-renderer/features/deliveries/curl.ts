import type { DeliveryDetail } from '@contract';
import { pathWithQuery } from './format';

/**
 * Headers curl must not copy: hop-by-hop ones (RFC 9110 §7.6.1), and those
 * curl works out for itself from the command (host, length, expect).
 */
const DROPPED_HEADERS = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'host',
  'content-length',
  'expect',
]);

/** Quotes one shell word for sh/bash/zsh: single quotes keep everything literal except `'` itself. */
export function shellQuote(value: string): string {
  // A leading "=" is left out: zsh expands `=word` to a command's path.
  if (/^[A-Za-z0-9_@%+:,./-][A-Za-z0-9_@%+=:,./-]*$/.test(value)) return value;
  return `'${value.replaceAll("'", `'\\''`)}'`;
}

export function resendHeaders(headers: ReadonlyArray<readonly [string, string]>): Array<[string, string]> {
  // Names a `Connection` header lists are hop-by-hop too.
  const listed = new Set(
    headers
      .filter(([name]) => name.toLowerCase() === 'connection')
      .flatMap(([, value]) => value.split(',').map((token) => token.trim().toLowerCase())),
  );
  return headers
    .filter(([name]) => {
      const lower = name.toLowerCase();
      return !DROPPED_HEADERS.has(lower) && !listed.has(lower);
    })
    .map(([name, value]) => [name, value]);
}

/** `-H 'Name: value'`; curl drops a header given as `Name:`, so an empty value needs `Name;`. */
function headerArgument(name: string, value: string): string {
  return shellQuote(value === '' ? `${name};` : `${name}: ${value}`);
}

export function joinUrl(base: string, path: string): string {
  return `${base.replace(/\/+$/, '')}${path.startsWith('/') ? path : `/${path}`}`;
}

export interface CurlCommand {
  command: string;
  /** Something the user should know before running it, or null. */
  note: string | null;
}

type Resendable = Pick<DeliveryDetail, 'method' | 'path' | 'query' | 'headers' | 'body'>;

/** Continuation lines keep a long command readable; bash, zsh and sh all accept them. */
const joinLines = (lines: string[]) => lines.join(' \\\n  ');

/** A command that sends this delivery to the receiver again, byte for byte where it can. */
export function buildCurl(delivery: Resendable, receiverUrl: string): CurlCommand {
  const url = joinUrl(receiverUrl, pathWithQuery(delivery.path, delivery.query));
  const lines = [`curl -X ${shellQuote(delivery.method)} ${shellQuote(url)}`];
  for (const [name, value] of resendHeaders(delivery.headers)) {
    lines.push(`-H ${headerArgument(name, value)}`);
  }

  const { body } = delivery;
  if (body.omitted) {
    return {
      command: joinLines(lines),
      note: 'The body was over the size limit and was not kept, so this command sends no body.',
    };
  }
  if (body.base64 === '') return { command: joinLines(lines), note: null };

  // A shell argument cannot hold a NUL byte, so such text goes the binary way too.
  if (body.text !== null && !body.text.includes('\0')) {
    // --data-raw, unlike -d/--data-binary, never reads a file when the text starts with "@".
    lines.push(`--data-raw ${shellQuote(body.text)}`);
    return { command: joinLines(lines), note: null };
  }

  // Bytes that are not text travel as base64 and are decoded back on the way into curl.
  lines.push('--data-binary @-');
  return {
    command: `printf '%s' ${shellQuote(body.base64)} | base64 --decode | ${joinLines(lines)}`,
    note: 'The body is not UTF-8 text: the command decodes it from base64 and pipes it into curl.',
  };
}

/** The body of the empty state's example: a Solafon message update saying /start. */
export const SAMPLE_UPDATE = JSON.stringify({
  update_id: 1,
  message_id: 1,
  from: { id: 42, name: 'Ada', language: 'en' },
  chat: { id: 42, type: 'private' },
  date: 1704067200,
  text: '/start',
});

export function buildSampleCurl(url: string): string {
  return `curl -X POST ${shellQuote(url)} -H 'Content-Type: application/json' -d ${shellQuote(SAMPLE_UPDATE)}`;
}
