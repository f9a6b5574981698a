// Saturated ingest and latency at a fixed rate, side by side: the bare
// server, the bare + SQLite ceiling, the inspector and mockttp, each round
// in a new order, so the machine's noise falls on all of them alike.
import { fixedRate, wrk } from './lib/load.js';
import { inspector, reference } from './lib/servers.js';
import { median, ratio } from './lib/stats.js';

const CONTENDERS = ['bare', 'bare-sqlite', 'inspector', 'mockttp'];

async function start(name, durability) {
  if (name === 'inspector') return inspector({ durability });
  return reference(name, { DURABILITY: durability });
}

export async function benchIngest({ rounds = 3, seconds = 8, durability = 'full', rateSeconds = 8 } = {}) {
  const saturated = Object.fromEntries(CONTENDERS.map((n) => [n, []]));
  const atRate = { 'bare-sqlite': [], inspector: [] };
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? CONTENDERS : [...CONTENDERS].reverse();
    for (const name of order) {
      const server = await start(name, durability);
      try {
        // A short warm-up: JIT and the first WAL growth are not what is measured.
        await wrk(server.url, { seconds: 1, updateOffset: 50_000_000 + round * 1_000_000 });
        saturated[name].push(await wrk(server.url, { seconds, updateOffset: round * 1_000_000 }));
        if (name in atRate) atRate[name].push(await fixedRate(server.url, { rate: 1000, seconds: rateSeconds }));
      } finally {
        await server.stop();
      }
    }
  }
  const rate = (name) => median(saturated[name].map((r) => r.rate));
  const ceiling = rate('bare-sqlite');
  const p99At = (name) => median(atRate[name].map((r) => r.p99));
  return {
    rates: Object.fromEntries(CONTENDERS.map((n) => [n, Math.round(rate(n))])),
    ratiosToCeiling: Object.fromEntries(CONTENDERS.map((n) => [n, ratio(rate(n), ceiling)])),
    inspectorVsMockttp: ratio(rate('inspector'), rate('mockttp')),
    saturatedP99Ms: Object.fromEntries(CONTENDERS.map((n) => [n, median(saturated[n].map((r) => r.p99))])),
    at1000: {
      ceilingP50Ms: median(atRate['bare-sqlite'].map((r) => r.p50)),
      ceilingP99Ms: p99At('bare-sqlite'),
      inspectorP50Ms: median(atRate.inspector.map((r) => r.p50)),
      inspectorP99Ms: p99At('inspector'),
      p99Ratio: ratio(p99At('inspector'), p99At('bare-sqlite')),
    },
    non2xx: Object.fromEntries(CONTENDERS.map((n) => [n, saturated[n].reduce((s, r) => s + r.non2xx, 0)])),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await benchIngest({ rounds: Number(process.env.ROUNDS ?? 2) }), null, 2));
}
