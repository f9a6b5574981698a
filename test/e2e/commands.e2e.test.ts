import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ServeProcess, startServe, tempDataDir } from './support/serve-process';

/** The built CLI starts its command workers from the bundled worker file (a path electron-vite wrote). */
describe('commands in the built app', () => {
  const data = tempDataDir();
  let server: ServeProcess;
  beforeAll(async () => {
    server = await startServe(data.dir);
  });
  afterAll(async () => {
    await server.stop();
    data.remove();
  });

  const linkFor = async (name: string, body: string) => {
    await server.api('commands.save', { name, body });
    return (await server.api<{ url: string }>('links.sign', { command: name, userId: 7, params: [] })).url;
  };

  it('runs a command in a worker, and stops runaway ones within 2 s while deliveries keep being answered', async () => {
    const hello = await request(await linkFor('hi', `res.json({ hi: user.id })`));
    expect(hello.statusCode).toBe(200);
    expect(await hello.body.json()).toEqual({ hi: 7 });

    const spin = await linkFor('spin', 'while (true) {}');
    const bomb = await linkFor('bomb', `const a = []; while (true) a.push('x'.repeat(1e6) + a.length);`);
    const started = Date.now();
    const hits = [spin, bomb].map(async (url) => {
      const res = await request(url);
      return {
        status: res.statusCode,
        body: (await res.body.json()) as { reason?: string },
        ms: Date.now() - started,
      };
    });
    const delivery = await request(`${server.receiverUrl}/webhook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        update_id: 1,
        message: { message_id: 1, chat: { id: 7, type: 'private' }, text: 'hi' },
      }),
    });
    await delivery.body.text();
    expect(delivery.statusCode).toBe(200);
    expect(Date.now() - started).toBeLessThan(1000);

    const answered = await Promise.all(hits);
    for (const hit of answered) {
      expect([429, 500]).toContain(hit.status);
      expect(hit.ms).toBeLessThan(4000);
    }
    expect(answered.map((h) => h.body.reason)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^(Timeout|Memory limit|Every command worker is busy)/)]),
    );
    const after = await request(await linkFor('after', `res.text('still serving')`));
    expect(await after.body.text()).toBe('still serving');
  });
});
