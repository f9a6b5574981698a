// Saturated ingest and latency at a fixed rate, side by side: the bare
// server, the bare + SQLite ceiling, the inspector and mockttp, each round
// in a new order so the machine's noise falls on all of them alike.
import { expect, it } from 'vitest';
import { fixedRate, hasWrk, type LoadResult, wrk } from './lib/load';
import { report } from './lib/report';
import { inspector, type Running, reference } from './lib/servers';
import { median, ratio } from './lib/stats';

const CONTENDERS = ['bare', 'bare-sqlite', 'inspector', 'mockttp'] as const;
type Contender = (typeof CONTENDERS)[number];
const durability = process.env.DURABILITY ?? 'full';
const rounds = Number(process.env.ROUNDS ?? 3);
const seconds = Number(process.env.SECONDS ?? 8);

const start = (name: Contender): Promise<Running> =>
  name === 'inspector' ? inspector({ durability }) : reference(name, { DURABILITY: durability });

it('ingest: saturated, and at 1,000 requests a second, against the references', async () => {
  expect(hasWrk(), 'wrk is needed (apt-get install wrk)').toBe(true);
  const saturated = Object.fromEntries(CONTENDERS.map((n) => [n, [] as LoadResult[]])) as Record<
    Contender,
    LoadResult[]
  >;
  const atRate: Record<'bare-sqlite' | 'inspector', LoadResult[]> = { 'bare-sqlite': [], inspector: [] };
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? CONTENDERS : [...CONTENDERS].reverse();
    for (const name of order) {
      const server = await start(name);
      try {
        // A short warm-up: JIT and the first WAL growth are not what is measured.
        await wrk(server.url, { seconds: 1, updateOffset: 50_000_000 + round * 1_000_000 });
        saturated[name].push(await wrk(server.url, { seconds, updateOffset: round * 1_000_000 }));
        if (name === 'bare-sqlite' || name === 'inspector') {
          atRate[name].push(await fixedRate(server.url, { rate: 1000, seconds }));
        }
      } finally {
        await server.stop();
      }
    }
  }
  const rate = (name: Contender) => median(saturated[name].map((r) => r.rate));
  const ceiling = rate('bare-sqlite');
  const p99At = (name: 'bare-sqlite' | 'inspector') => median(atRate[name].map((r) => r.p99));
  const measured = {
    durability,
    rounds,
    requestsPerSecond: Object.fromEntries(CONTENDERS.map((n) => [n, Math.round(rate(n))])),
    shareOfCeiling: Object.fromEntries(CONTENDERS.map((n) => [n, ratio(rate(n), ceiling)])),
    saturatedP99Ms: Object.fromEntries(CONTENDERS.map((n) => [n, median(saturated[n].map((r) => r.p99))])),
    at1000PerSecond: {
      ceilingP50Ms: median(atRate['bare-sqlite'].map((r) => r.p50)),
      ceilingP99Ms: p99At('bare-sqlite'),
      inspectorP50Ms: median(atRate.inspector.map((r) => r.p50)),
      inspectorP99Ms: p99At('inspector'),
    },
    non2xx: Object.fromEntries(CONTENDERS.map((n) => [n, saturated[n].reduce((s, r) => s + r.non2xx, 0)])),
  };
  report('ingest', measured, [
    {
      name: 'saturated ingest / bare + SQLite ceiling',
      actual: ratio(rate('inspector'), ceiling),
      op: '>=',
      limit: 0.9,
    },
    {
      name: 'saturated ingest / mockttp',
      actual: ratio(rate('inspector'), rate('mockttp')),
      op: '>=',
      limit: 3,
    },
    {
      name: 'p99 at 1,000 req/s / the ceiling’s',
      actual: ratio(p99At('inspector'), p99At('bare-sqlite')),
      op: '<=',
      limit: 1.5,
    },
  ]);
});
