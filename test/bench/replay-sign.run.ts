// Bulk replay of 1,000 deliveries to a local target, and signing + verifying links.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { it } from 'vitest';
import WebSocket from 'ws';
import { newSigningKey } from '../../src-main/core/signer/key-store';
import { signLink } from '../../src-main/core/signer/sign';
import { verifyLinkQuery } from '../../src-main/core/signer/verify';
import { wrk } from './lib/load';
import { report } from './lib/report';
import { inspector } from './lib/servers';

it('bulk replay of 1,000 deliveries to a local target', async () => {
  const target = createServer((req, res) => {
    req.resume();
    req.on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}'));
  });
  await new Promise<void>((resolve) => target.listen(0, '127.0.0.1', resolve));
  const server = await inspector();
  try {
    while ((await server.api<{ total: number }>('deliveries.list', { limit: 1 })).total < 1000) {
      await wrk(server.url, { seconds: 1, connections: 10 });
    }
    const events = new WebSocket(server.eventsUrl);
    await new Promise((resolve, reject) => {
      events.once('open', resolve);
      events.once('error', reject);
    });
    const { items } = await server.api<{ items: Array<{ id: number }> }>('deliveries.list', { limit: 1000 });
    const ended = new Promise<number>((resolve) => {
      events.on('message', (data) => {
        const event = JSON.parse(String(data)) as { name: string; payload: { state: string; done: number } };
        if (event.name === 'replay.progress' && event.payload.state !== 'running')
          resolve(event.payload.done);
      });
    });
    const started = performance.now();
    await server.api('replay.start', {
      target: `http://127.0.0.1:${(target.address() as AddressInfo).port}/webhook`,
      deliveryIds: items.map((i) => i.id),
      concurrency: 32,
    });
    const done = await ended;
    const perSecond = Math.round(done / ((performance.now() - started) / 1000));
    events.close();
    report('bulk replay', { deliveries: done, perSecond }, [
      { name: 'bulk replay to a local target', actual: perSecond, op: '>=', limit: 5000, unit: '/s' },
    ]);
  } finally {
    await server.stop();
    target.close();
  }
});

it('signing and verifying links', () => {
  const key = newSigningKey();
  const keyFor = (kid: string) => (kid === key.kid ? key.secret : null);
  const started = performance.now();
  let pairs = 0;
  while (performance.now() - started < 2000) {
    for (let i = 0; i < 1000; i++) {
      const url = signLink(key, {
        baseUrl: 'https://inspector.example.com',
        botId: 1,
        userId: 42 + i,
        command: 'hello',
        options: { level: i },
        params: [['ref', 'profile']],
        redirect: null,
        expiresIn: 3600,
      });
      verifyLinkQuery(1, url.slice(url.indexOf('?') + 1), keyFor);
      pairs += 1;
    }
  }
  const perSecond = Math.round(pairs / ((performance.now() - started) / 1000));
  report('signed links', { signAndVerifyPerSecond: perSecond }, [
    { name: 'sign + verify', actual: perSecond, op: '>=', limit: 100_000, unit: '/s' },
  ]);
});
