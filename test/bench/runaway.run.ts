// Ordinary deliveries while runaway commands (an endless loop, a memory
// bomb) are hit in parallel: their p99 beside the same load alone. Commands
// run on worker threads; the event loop that answers platforms must not feel them.
import { it } from 'vitest';
import { fixedRate } from './lib/load';
import { report } from './lib/report';
import { inspector } from './lib/servers';
import { ratio } from './lib/stats';

const seconds = Number(process.env.RUNAWAY_SECONDS ?? 5);
const hitters = Number(process.env.RUNAWAY_HITTERS ?? 8);

it('runaway commands do not hold up deliveries', async () => {
  const server = await inspector();
  try {
    const links: string[] = [];
    for (const [name, body] of [
      ['bench-spin', 'while (true) {}'],
      ['bench-bomb', "const a = []; while (true) a.push('x'.repeat(1e6) + a.length);"],
    ] as const) {
      await server.api('commands.save', { name, body });
      links.push(
        (await server.api<{ url: string }>('links.sign', { command: name, userId: 42, params: [] })).url,
      );
    }
    const calm = await fixedRate(server.url, { rate: 500, seconds, connections: 10 });
    const answers: Record<string, number> = {};
    let hitting = true;
    const running = Array.from({ length: hitters }, async (_, i) => {
      while (hitting) {
        const res = await fetch(links[i % links.length] as string).catch(() => null);
        const key = res ? String(res.status) : 'error';
        answers[key] = (answers[key] ?? 0) + 1;
        await res?.arrayBuffer();
        // A busy answer says when to come back; a client that does keeps the workers full without a flood of 429s.
        const retryAfter = Number(res?.headers.get('retry-after') ?? 0);
        if (retryAfter > 0) await new Promise((resolve) => setTimeout(resolve, retryAfter * 1000));
      }
    });
    const stormy = await fixedRate(server.url, { rate: 500, seconds, connections: 10 });
    hitting = false;
    await Promise.all(running);
    report(
      'runaway commands',
      {
        p99AloneMs: calm.p99,
        p99WithRunawayMs: stormy.p99,
        ratio: ratio(stormy.p99, calm.p99),
        linkAnswers: answers,
        deliveriesNon2xx: stormy.non2xx,
      },
      [
        {
          name: 'p99 of deliveries while runaway commands are hit',
          actual: stormy.p99,
          op: '<=',
          limit: 50,
          unit: ' ms',
        },
      ],
    );
  } finally {
    await server.stop();
  }
});
