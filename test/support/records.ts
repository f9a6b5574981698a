/** A valid `bwi-delivery/1` record; `n` makes it unique (time and body). */
export function record(n: number, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const body = JSON.stringify({
    update_id: n,
    message_id: n,
    from: { id: 42, name: 'Ada' },
    chat: { id: 42, type: 'private' },
    date: 1,
    text: `hello ${n}`,
  });
  return {
    format: 'bwi-delivery/1',
    receivedAt: new Date(Date.UTC(2025, 2, 1) + n * 1000).toISOString(),
    inbox: 'default',
    method: 'POST',
    path: '/webhook',
    query: '',
    headers: [['Content-Type', 'application/json']],
    remoteAddress: '127.0.0.1',
    bodyBase64: Buffer.from(body).toString('base64'),
    bodySize: Buffer.byteLength(body),
    bodyOmitted: false,
    responseStatus: 200,
    responseBody: '{"ok":true}',
    problem: null,
    summary: {
      platform: 'solafon',
      kind: 'message',
      updateId: n,
      user: { id: 42, name: 'Ada', username: null, language: null },
      chat: { id: 42, type: 'private' },
      text: `hello ${n}`,
    },
    invocation: null,
    ...overrides,
  };
}
