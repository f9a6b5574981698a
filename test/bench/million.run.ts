// A growing history: ingest between 0.9M and 1M stored deliveries (texts of
// three words out of a thousand) beside an empty database, then every
// filter of `deliveries.list`, the newest page and a detail at 1M, and RSS.
import { rmSync } from 'node:fs';
import { it } from 'vitest';
import { type LoadResult, wrk } from './lib/load';
import { report } from './lib/report';
import { type Inspector, inspector, rssMb } from './lib/servers';
import { median, ratio, timeMedian } from './lib/stats';

const TARGET = Number(process.env.MILLION ?? 1_000_000);
const seconds = Number(process.env.SECONDS ?? 8);

const total = async (server: Inspector) =>
  (await server.api<{ total: number }>('deliveries.list', { limit: 1 })).total;

/** Posts deliveries (at the fastest durability) until the store holds `count`. */
async function fillTo(server: Inspector, count: number): Promise<void> {
  let offset = 100_000_000;
  while ((await total(server)) < count) {
    await wrk(server.url, { seconds: 10, updateOffset: offset });
    offset += 1_000_000;
  }
}

it(`a million deliveries: ingest near ${TARGET} beside an empty store, and every filter at that size`, async () => {
  // Filled at durability normal (a crash is not what this measures), then measured at full.
  const filler = await inspector({ durability: 'normal' });
  const dataDir = filler.dataDir;
  await fillTo(filler, Math.round(TARGET * 0.9));
  await filler.stop({ keepData: true });

  const full: LoadResult[] = [];
  const empty: LoadResult[] = [];
  let offset = 200_000_000;
  for (let round = 0; round < 2; round++) {
    for (const kind of round === 0 ? ['full', 'empty'] : ['empty', 'full']) {
      const server = kind === 'full' ? await inspector({ dataDir }) : await inspector();
      try {
        await wrk(server.url, { seconds: 1, updateOffset: offset });
        (kind === 'full' ? full : empty).push(
          await wrk(server.url, { seconds, updateOffset: offset + 10_000 }),
        );
        offset += 1_000_000;
      } finally {
        await server.stop({ keepData: kind === 'full' });
      }
    }
  }

  const server = await inspector({ dataDir });
  try {
    await fillTo(server, TARGET);
    const stored = await total(server);
    const newest = (await server.api<{ items: Array<{ id: number }> }>('deliveries.list', { limit: 200 }))
      .items;
    const middleId = (newest.at(-1)?.id ?? 1) - Math.round(stored / 2);
    const t0 = new Date(Date.now() - 60 * 60_000).toISOString();
    const filters: Record<string, object> = {
      'newest page': {},
      'before (middle)': { before: middleId },
      'inbox default': { inbox: 'default' },
      'kind message': { kind: 'message' },
      'platform solafon': { platform: 'solafon' },
      'status 200': { status: 200 },
      'status 2xx': { status: '2xx' },
      'status 404 (none)': { status: 404 },
      'problem any': { problem: 'any' },
      'problem none': { problem: 'none' },
      'problem duplicate': { problem: 'duplicate' },
      'problem too-large (none)': { problem: 'too-large' },
      'one user': { userId: '42' },
      'one chat': { chatId: '43' },
      'last hour': { from: t0 },
      'rare word': { query: 'word777' },
      'common prefix (word1…)': { query: 'word1' },
      'two words': { query: 'word12 word345' },
      'word and status': { query: 'word5', status: '2xx' },
    };
    const timings: Record<string, number> = {};
    for (const [name, filter] of Object.entries(filters)) {
      timings[name] = await timeMedian(5, () => server.api('deliveries.list', { ...filter, limit: 200 }));
    }
    const detailMs = await timeMedian(9, () => server.api('deliveries.get', { id: middleId }));
    const rss = rssMb(server.pid);
    const slowest = Math.max(...Object.values(timings));
    const rate = (r: LoadResult[]) => median(r.map((x) => x.rate));
    const p99 = (r: LoadResult[]) => median(r.map((x) => x.p99));
    report(
      'a million deliveries',
      {
        stored,
        ingestPerSecond: { empty: Math.round(rate(empty)), near1M: Math.round(rate(full)) },
        p99Ms: { empty: p99(empty), near1M: p99(full) },
        listMs: timings,
        detailMs,
        rssMb: rss,
      },
      [
        { name: 'ingest near 1M / empty', actual: ratio(rate(full), rate(empty)), op: '>=', limit: 0.8 },
        { name: 'p99 near 1M / empty', actual: ratio(p99(full), p99(empty)), op: '<=', limit: 2 },
        { name: 'slowest filter or search at 1M', actual: slowest, op: '<=', limit: 100, unit: ' ms' },
        {
          name: 'newest page at 1M',
          actual: timings['newest page'] ?? Number.NaN,
          op: '<=',
          limit: 20,
          unit: ' ms',
        },
        { name: 'detail at 1M', actual: detailMs, op: '<=', limit: 20, unit: ' ms' },
        { name: 'server RSS at 1M', actual: rss, op: '<=', limit: 400, unit: ' MB' },
      ],
    );
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
