import type { Summary } from '@contract';
import { normalizeUpdate, UNKNOWN_SUMMARY } from '../deliveries/normalize';
import type { DeliveryRecord } from './record';

function summarize(text: string): Summary {
  try {
    return normalizeUpdate(JSON.parse(text));
  } catch {
    return UNKNOWN_SUMMARY;
  }
}

const STATUS_TEXT: Record<number, string> = {
  200: 'OK',
  400: 'Bad Request',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  413: 'Payload Too Large',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** The opening of a HAR 1.2 log; entries follow, comma-separated, then HAR_TAIL. */
export const harHead = (version: string): string =>
  `{"log":{"version":"1.2","creator":{"name":"Bot Webhook Inspector","version":${JSON.stringify(version)}},"entries":[\n`;
export const HAR_TAIL = '\n]}}\n';

const contentType = (headers: Array<[string, string]>): string =>
  headers.find(([k]) => k.toLowerCase() === 'content-type')?.[1] ?? 'application/octet-stream';

/**
 * A delivery as a HAR 1.2 entry. HAR has no lossless place for request
 * bytes, so they also travel in `_bodyBase64` (custom fields start with `_`),
 * with the whole record in `_bwi` for a lossless import.
 */
export function harEntry(record: DeliveryRecord, host: string): Record<string, unknown> {
  const body = Buffer.from(record.bodyBase64, 'base64');
  const url = `http://${host}${record.path}${record.query ? `?${record.query}` : ''}`;
  return {
    startedDateTime: record.receivedAt,
    time: 0,
    request: {
      method: record.method,
      url,
      httpVersion: 'HTTP/1.1',
      cookies: [],
      headers: record.headers.map(([name, value]) => ({ name, value })),
      queryString: [...new URLSearchParams(record.query)].map(([name, value]) => ({ name, value })),
      postData: { mimeType: contentType(record.headers), text: body.toString('utf8') },
      headersSize: -1,
      bodySize: record.bodyOmitted ? 0 : body.length,
    },
    response: {
      status: record.responseStatus,
      statusText: STATUS_TEXT[record.responseStatus] ?? '',
      httpVersion: 'HTTP/1.1',
      cookies: [],
      headers: [{ name: 'Content-Type', value: 'application/json; charset=utf-8' }],
      content: {
        size: Buffer.byteLength(record.responseBody),
        mimeType: 'application/json; charset=utf-8',
        text: record.responseBody,
      },
      redirectURL: '',
      headersSize: -1,
      bodySize: Buffer.byteLength(record.responseBody),
    },
    cache: {},
    timings: { send: 0, wait: 0, receive: 0 },
    _bodyBase64: record.bodyBase64,
    _bwi: record,
  };
}

/** Records from a HAR log: ours whole from `_bwi`; other tools' entries rebuilt from the request. */
export function recordsFromHar(har: unknown): DeliveryRecord[] {
  const entries = (har as { log?: { entries?: unknown[] } })?.log?.entries;
  if (!Array.isArray(entries)) throw new Error('not a HAR log: log.entries is missing');
  return entries.map((e, i) => {
    const entry = e as Record<string, unknown> & {
      _bwi?: DeliveryRecord;
      startedDateTime?: string;
      request?: {
        method?: string;
        url?: string;
        headers?: Array<{ name: string; value: string }>;
        postData?: { text?: string };
      };
      response?: { status?: number; content?: { text?: string } };
    };
    if (entry._bwi) return entry._bwi;
    const req = entry.request;
    if (!req?.url) throw new Error(`entry ${i + 1} has no request URL`);
    const url = new URL(req.url);
    const text = req.postData?.text ?? '';
    return {
      format: 'bwi-delivery/1',
      receivedAt: entry.startedDateTime ?? new Date().toISOString(),
      inbox: 'default',
      method: req.method ?? 'POST',
      path: url.pathname,
      query: url.search.replace(/^\?/, ''),
      headers: (req.headers ?? []).map((h) => [h.name, h.value] as [string, string]),
      remoteAddress: null,
      bodyBase64:
        typeof entry._bodyBase64 === 'string'
          ? entry._bodyBase64
          : Buffer.from(text, 'utf8').toString('base64'),
      bodySize: Buffer.byteLength(text),
      bodyOmitted: false,
      responseStatus: entry.response?.status ?? 200,
      responseBody: entry.response?.content?.text ?? '',
      problem: null,
      summary: summarize(text),
      invocation: null,
    } satisfies DeliveryRecord;
  });
}
