// Bulk replay of 1,000 deliveries to a local target, and signing + verifying links.
import { createHmac } from 'node:crypto';
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
import { median, ratio } from './lib/stats';

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
    const targetUrl = `http://127.0.0.1:${(target.address() as AddressInfo).port}/webhook`;
    /** One job replaying the 1,000, timed from the request to its last progress event. */
    const oneJob = async () => {
      const ended = new Promise<number>((resolve) => {
        const listener = (data: WebSocket.RawData) => {
          const event = JSON.parse(String(data)) as {
            name: string;
            payload: { state: string; done: number };
          };
          if (event.name === 'replay.progress' && event.payload.state !== 'running') {
            events.off('message', listener);
            resolve(event.payload.done);
          }
        };
        events.on('message', listener);
      });
      const started = performance.now();
      await server.api('replay.start', {
        target: targetUrl,
        deliveryIds: items.map((i) => i.id),
        concurrency: 32,
      });
      const done = await ended;
      return Math.round(done / ((performance.now() - started) / 1000));
    };
    // The first job after start runs on code the JIT has not compiled yet (undici's
    // parser, our path) and says little about the rate a support session gets;
    // it is reported, and the target is held to the median of the jobs after two warm-ups.
    const cold = await oneJob();
    await oneJob();
    const warm: number[] = [];
    for (let round = 0; round < 3; round++) warm.push(await oneJob());
    const perSecond = Math.round(median(warm));
    events.close();
    report(
      'bulk replay',
      { deliveries: items.length, firstJobPerSecond: cold, warmJobsPerSecond: warm, perSecond },
      [
        {
          name: 'bulk replay to a local target (median of 3 jobs, warm)',
          actual: perSecond,
          op: '>=',
          limit: 5000,
          unit: '/s',
        },
      ],
    );
  } finally {
    await server.stop();
    target.close();
  }
});

/** Runs `one` for `ms` and returns how many a second. */
function ratePerSecond(ms: number, one: (i: number) => void): number {
  const started = performance.now();
  let done = 0;
  while (performance.now() - started < ms) {
    for (let i = 0; i < 1000; i++) one(i);
    done += 1000;
  }
  return done / ((performance.now() - started) / 1000);
}

it('signing and verifying links', () => {
  const key = newSigningKey();
  const keyFor = (kid: string) => (kid === key.kid ? key.secret : null);
  const signAndVerify = (i: number) => {
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
  };
  // The reference: the two HMAC-SHA256 computations a pair cannot do without, over a canonical
  // text of the same length, alternated with ours so both see the same machine.
  const canonical = `bwi-link-v1\nbot=1:1\nkid=9:${key.kid}\ncommand=5:hello\noptions=11:{"level":1}\nuser=2:42\nparams=1\nparam-name=3:ref\nparam-value=7:profile\nredirect!\nexpires=10:1700000000`;
  const twoMacs = () => {
    createHmac('sha256', key.secret).update(canonical, 'utf8').digest('base64url');
    createHmac('sha256', key.secret).update(canonical, 'utf8').digest();
  };
  const ours: number[] = [];
  const reference: number[] = [];
  for (let round = 0; round < 3; round++) {
    ours.push(ratePerSecond(700, signAndVerify));
    reference.push(ratePerSecond(700, twoMacs));
  }
  const perSecond = Math.round(median(ours));
  const macPairsPerSecond = Math.round(median(reference));
  report('signed links', { signAndVerifyPerSecond: perSecond, twoHmacsPerSecond: macPairsPerSecond }, [
    { name: 'sign + verify', actual: perSecond, op: '>=', limit: 100_000, unit: '/s' },
    {
      name: 'sign + verify / two bare HMACs',
      actual: ratio(perSecond, macPairsPerSecond),
      op: '>=',
      limit: 0.5,
    },
  ]);
});
