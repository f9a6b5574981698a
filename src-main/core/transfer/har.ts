import { DEFAULT_INBOX, type Summary } from '@contract';
import { normalizeUpdate, UNKNOWN_SUMMARY } from '../deliveries/normalize';
import { type DeliveryRecord, RecordError } from './record';

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

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * One HAR entry as a record to validate: ours whole from `_bwi`; another
 * tool's rebuilt from its request. Nothing here trusts the entry's shape;
 * the record schema decides what is acceptable.
 */
export function recordFromHarEntry(entry: unknown, maxBodyChars: number): unknown {
  if (!isObject(entry)) throw new RecordError('not a HAR entry object');
  if (entry._bwi !== undefined) return entry._bwi;
  const req = isObject(entry.request) ? entry.request : {};
  if (typeof req.url !== 'string') throw new RecordError('request.url is missing');
  let url: URL;
  try {
    url = new URL(req.url);
  } catch {
    throw new RecordError('request.url is not a URL');
  }
  const postData = isObject(req.postData) ? req.postData : {};
  const text = typeof postData.text === 'string' ? postData.text : '';
  if (text.length > maxBodyChars)
    throw new RecordError(`request.postData.text is over ${maxBodyChars} characters`);
  const response = isObject(entry.response) ? entry.response : {};
  const content = isObject(response.content) ? response.content : {};
  const headers = Array.isArray(req.headers) ? req.headers : [];
  return {
    format: 'bwi-delivery/1',
    receivedAt: entry.startedDateTime ?? new Date().toISOString(),
    inbox: DEFAULT_INBOX,
    method: req.method ?? 'POST',
    path: url.pathname,
    query: url.search.replace(/^\?/, ''),
    headers: headers.map((h: unknown) => (isObject(h) ? [h.name, h.value] : h)),
    remoteAddress: null,
    bodyBase64:
      typeof entry._bodyBase64 === 'string'
        ? entry._bodyBase64
        : Buffer.from(text, 'utf8').toString('base64'),
    bodyOmitted: false,
    responseStatus: response.status ?? 200,
    responseBody: content.text ?? '',
    problem: null,
    summary: summarize(text),
    invocation: null,
  };
}
