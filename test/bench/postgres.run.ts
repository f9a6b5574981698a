// The team server's store: the inspector on PostgreSQL beside a bare
// node:http + multi-row INSERT reference on the same cluster, alternating,
// saturated and at 1,000 requests a second. Each contender gets a fresh
// database per round.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { findPostgresBin, startCluster } from '../../scripts/pg-cluster.js';
import { closePostgres, connectPostgres } from '../../src-main/core/store/pg/connect';
import { fixedRate, hasWrk, type LoadResult, wrk } from './lib/load';
import { report } from './lib/report';
import { inspector, type Running, reference } from './lib/servers';
import { median, ratio } from './lib/stats';

const rounds = Number(process.env.ROUNDS ?? 2);
const seconds = Number(process.env.SECONDS ?? 8);
const CONTENDERS = ['bare-pg', 'inspector-pg'] as const;
type Contender = (typeof CONTENDERS)[number];

it('PostgreSQL: the team server’s ingest against a bare multi-row-insert reference on the same cluster', async () => {
  expect(hasWrk(), 'wrk is needed (apt-get install wrk)').toBe(true);
  const bin = findPostgresBin();
  expect(bin, 'PostgreSQL is needed (apt-get install postgresql)').toBeTruthy();
  // Commits wait for the WAL, as a production server's do (the cluster skips the fsync alike for both).
  const cluster = await startCluster(bin as string, { durable: true });
  const keyDir = mkdtempSync(join(tmpdir(), 'bwi-bench-key-'));
  const freshDatabase = async () => {
    const admin = connectPostgres(cluster.url, { max: 1 });
    const name = `bench_${randomBytes(6).toString('hex')}`;
    try {
      await admin`CREATE DATABASE ${admin(name)}`;
    } finally {
      await closePostgres(admin);
    }
    const url = new URL(cluster.url);
    url.pathname = `/${name}`;
    return url.href;
  };
  const start = async (name: Contender): Promise<Running> => {
    const url = await freshDatabase();
    if (name === 'bare-pg') return reference('bare-pg', { PG_URL: url });
    return inspector({
      extraArgs: [
        '--database',
        url,
        '--secret-key-file',
        join(keyDir, `${randomBytes(4).toString('hex')}.key`),
      ],
    });
  };
  const saturated: Record<Contender, LoadResult[]> = { 'bare-pg': [], 'inspector-pg': [] };
  const atRate: Record<Contender, LoadResult[]> = { 'bare-pg': [], 'inspector-pg': [] };
  try {
    for (let round = 0; round < rounds; round++) {
      for (const name of round % 2 === 0 ? CONTENDERS : [...CONTENDERS].reverse()) {
        const server = await start(name);
        try {
          await wrk(server.url, { seconds: 1, updateOffset: 50_000_000 + round * 1_000_000 });
          saturated[name].push(await wrk(server.url, { seconds, updateOffset: round * 1_000_000 }));
          atRate[name].push(await fixedRate(server.url, { rate: 1000, seconds }));
        } finally {
          await server.stop();
        }
      }
    }
  } finally {
    await cluster.stop();
    rmSync(keyDir, { recursive: true, force: true });
  }
  const rate = (name: Contender) => median(saturated[name].map((r) => r.rate));
  const p99 = (name: Contender) => median(atRate[name].map((r) => r.p99));
  report(
    'postgresql',
    {
      rounds,
      requestsPerSecond: {
        'bare-pg': Math.round(rate('bare-pg')),
        inspector: Math.round(rate('inspector-pg')),
      },
      shareOfReference: ratio(rate('inspector-pg'), rate('bare-pg')),
      at1000PerSecond: { referenceP99Ms: p99('bare-pg'), inspectorP99Ms: p99('inspector-pg') },
      non2xx: Object.fromEntries(CONTENDERS.map((n) => [n, saturated[n].reduce((s, r) => s + r.non2xx, 0)])),
    },
    [
      {
        name: 'PostgreSQL saturated ingest / bare multi-row insert',
        actual: ratio(rate('inspector-pg'), rate('bare-pg')),
        op: '>=',
        limit: 0.9,
      },
      {
        name: 'PostgreSQL p99 at 1,000 req/s / the reference’s',
        actual: ratio(p99('inspector-pg'), p99('bare-pg')),
        op: '<=',
        limit: 1.5,
      },
    ],
  );
});
