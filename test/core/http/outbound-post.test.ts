import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { ANSWER_BODY_CAP, OutboundPost } from '../../../src-main/core/http/outbound-post';

const open: Array<{ server: Server; post: OutboundPost }> = [];
const hanging = new Set<ServerResponse>();

afterEach(async () => {
  for (const res of hanging) res.destroy();
  hanging.clear();
  for (const { server, post } of open.splice(0)) {
    await post.close();
    server.closeAllConnections();
    if (server.listening) await new Promise((resolve) => server.close(resolve));
  }
});

/** A target answering as `answer` says, and a pool to post to it. */
async function target(answer: (res: ServerResponse, body: Buffer) => void) {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => answer(res, Buffer.concat(chunks)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const post = new OutboundPost();
  open.push({ server, post });
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, post };
}

describe('OutboundPost', () => {
  it('sends the bytes and headers, and returns the answer with its status, type and headers', async () => {
    const { url, post } = await target((res, body) =>
      res.writeHead(201, { 'content-type': 'text/plain', 'x-got': String(body.length) }).end(`got ${body}`),
    );
    const result = await post.send(url, Buffer.from('{"a":1}'), { 'content-type': 'application/json' }, 5000);
    expect(result).toMatchObject({
      status: 201,
      contentType: 'text/plain',
      body: 'got {"a":1}',
      truncated: false,
      error: null,
    });
    expect(result.headers).toContainEqual(['x-got', '7']);
  });

  it('keeps an answer only up to the cap, and says it was cut', async () => {
    const { url, post } = await target((res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      // In pieces, so the cap falls inside one of them.
      for (let i = 0; i < 40; i++) res.write('x'.repeat(4096));
      res.end();
    });
    const result = await post.send(url, Buffer.from('{}'), {}, 5000);
    expect(result.status).toBe(200);
    expect(result.truncated).toBe(true);
    expect(result.body.length).toBe(ANSWER_BODY_CAP);
  });

  it('gives up on a target that never answers, within the timeout, as a timeout', async () => {
    const { url, post } = await target((res) => hanging.add(res));
    const started = Date.now();
    const result = await post.send(url, Buffer.from('{}'), {}, 300);
    expect(result.status).toBeNull();
    expect(result.error).toBe('Timeout: no answer within 0.3 s');
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('gives up on an answer that trickles in past the timeout, though each piece comes in time', async () => {
    const { url, post } = await target((res) => {
      hanging.add(res);
      res.writeHead(200, { 'content-type': 'text/plain' });
      const drip = setInterval(() => (res.destroyed ? clearInterval(drip) : res.write('x')), 50);
    });
    const result = await post.send(url, Buffer.from('{}'), {}, 400);
    expect(result.status).toBeNull();
    expect(result.error).toBe('Timeout: no answer within 0.4 s');
  });

  it('returns a refused connection as a result, not a throw', async () => {
    // A port just freed: nothing listens there.
    const { url, post } = await target((res) => res.end());
    const { server } = open[0] as { server: Server };
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    const result = await post.send(url, Buffer.from('{}'), {}, 2000);
    expect(result.status).toBeNull();
    expect(result.error).toMatch(/^ECONNREFUSED: /);
  });
});
