/** What the receiver answers, in one place so the stored copy matches the wire. */
export interface Answer {
  status: number;
  body: string;
  headers?: Record<string, string>;
}

const json = (status: number, value: unknown, headers?: Record<string, string>): Answer => ({
  status,
  body: JSON.stringify(value),
  ...(headers ? { headers } : {}),
});

const failure = (status: number, error: string, reason: string, headers?: Record<string, string>): Answer =>
  json(status, { ok: false, error, reason }, headers);

export const answers = {
  accepted: (): Answer => json(200, { ok: true }),
  malformedJson: (reason: string): Answer =>
    failure(400, 'malformed-json', `The body is not valid JSON: ${reason}`),
  tooLarge: (size: number, limit: number): Answer =>
    failure(413, 'too-large', `The body is ${size} bytes; this receiver accepts at most ${limit}.`),
  unknownInbox: (inbox: string): Answer =>
    failure(
      404,
      'unknown-inbox',
      `There is no inbox named "${inbox}". Create it in the inspector, or POST to /webhook for the default inbox.`,
    ),
  notFound: (path: string): Answer =>
    failure(
      404,
      'not-found',
      `Nothing is served at ${path}. POST deliveries to /webhook or /webhook/<inbox>.`,
    ),
  methodNotAllowed: (method: string, allow = 'POST'): Answer =>
    failure(
      405,
      'method-not-allowed',
      allow === 'POST'
        ? `${method} is not accepted here; deliveries are POSTed.`
        : `${method} is not accepted here.`,
      { Allow: allow },
    ),
  badRequest: (reason: string): Answer => failure(400, 'bad-request', reason),
  storageFailed: (): Answer =>
    failure(503, 'storage-unavailable', 'The delivery could not be saved; retry later.', {
      'Retry-After': '1',
    }),
  internal: (): Answer => failure(500, 'internal', 'The receiver failed on this request; it keeps running.'),
  about: (): Answer =>
    json(200, {
      ok: true,
      service: 'Bot Webhook Inspector receiver',
      post_to: ['/webhook', '/webhook/<inbox>'],
    }),
};
