import { DeliveryDetail, ListDeliveriesOutput, Platform, Problem } from '@contract';
import fc from 'fast-check';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestCore } from '../../support/core';
import { call, importText, ndjson, record, transferCore } from './support';

// One core for every run: each generated record is unique (time and body), so
// what one run imported never makes a later run's records count as skipped.
let c: Awaited<ReturnType<typeof transferCore>>;
let serial = 0;
beforeAll(async () => {
  c = await transferCore();
});
afterAll(async () => {
  await c.t.dispose();
});

const INBOX = /^[A-Za-z0-9_-]{1,64}$/;
const text = fc.string({ unit: 'binary', maxLength: 40 });
const entityId = fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), text);

/** A valid record with arbitrary values wherever the contract allows them, and unknown extra fields. */
const validRecord = fc
  .record({
    inbox: fc.stringMatching(INBOX),
    text: fc.option(text),
    kind: text,
    platform: fc.constantFrom(...Platform.options),
    problem: fc.option(fc.constantFrom(...Problem.options)),
    user: fc.option(
      fc.record({
        id: entityId,
        name: fc.option(text),
        username: fc.option(text),
        language: fc.option(text),
      }),
    ),
    chat: fc.option(fc.record({ id: entityId, type: fc.option(text) })),
    headers: fc.array(fc.tuple(text, text), { maxLength: 5 }),
    query: text,
    status: fc.integer({ min: 100, max: 599 }),
    extra: fc.dictionary(fc.string({ maxLength: 8 }), fc.anything({ maxDepth: 2 }), { maxKeys: 3 }),
  })
  .map((v) => {
    serial += 1;
    const base = record(serial);
    return {
      ...v.extra,
      ...base,
      inbox: v.inbox,
      headers: v.headers,
      query: v.query,
      responseStatus: v.status,
      problem: v.problem,
      summary: {
        platform: v.platform,
        kind: v.kind,
        updateId: serial,
        user: v.user,
        chat: v.chat,
        text: v.text,
      },
    };
  });

const notInteger = fc.double({ noNaN: true, noDefaultInfinity: true }).filter((x) => !Number.isInteger(x));
const notJsonObjectText = fc.string({ maxLength: 20 }).map((s) => `{${s.replace(/[\r\n]/g, '')}`);

/** A field and a value of the wrong type or outside its rule: the record can no longer be valid. */
const corruption: fc.Arbitrary<[readonly string[], unknown]> = fc.oneof(
  fc.tuple(
    fc.constant(['summary', 'updateId']),
    fc.oneof(fc.string(), fc.boolean(), notInteger, fc.object()),
  ),
  fc.tuple(fc.constant(['summary', 'user']), fc.oneof(fc.string(), fc.integer(), fc.constant({ id: {} }))),
  fc.tuple(
    fc.constant(['summary', 'platform']),
    fc.string().filter((s) => !Platform.options.includes(s as never)),
  ),
  fc.tuple(fc.constant(['summary']), fc.oneof(fc.string(), fc.array(fc.anything({ maxDepth: 1 })))),
  fc.tuple(fc.constant(['invocation']), fc.oneof(fc.constant({}), fc.string(), fc.integer(), fc.boolean())),
  fc.tuple(fc.constant(['bodySize']), fc.oneof(fc.string(), fc.integer({ max: -1 }), notInteger)),
  fc.tuple(
    fc.constant(['problem']),
    fc.string().filter((s) => !Problem.options.includes(s as never)),
  ),
  fc.tuple(
    fc.constant(['inbox']),
    fc.oneof(
      fc.string().filter((s) => !INBOX.test(s)),
      fc.integer(),
    ),
  ),
  fc.tuple(fc.constant(['receivedAt']), fc.oneof(fc.string({ maxLength: 10 }), fc.integer())),
  fc.tuple(fc.constant(['headers']), fc.oneof(fc.string(), fc.array(fc.integer(), { minLength: 1 }))),
  fc.tuple(
    fc.constant(['responseStatus']),
    fc.oneof(fc.integer({ min: 600 }), fc.integer({ max: 99 }), fc.string()),
  ),
  fc.tuple(fc.constant(['bodyBase64']), fc.oneof(fc.integer(), fc.constant('not base64!'))),
  fc.tuple(
    fc.constant(['format']),
    fc.oneof(
      fc.string().filter((s) => s !== 'bwi-delivery/1'),
      fc.integer(),
    ),
  ),
);

const setPath = (
  value: Record<string, unknown>,
  path: readonly string[],
  to: unknown,
): Record<string, unknown> => {
  const [head, ...rest] = path as [string, ...string[]];
  if (rest.length === 0) return { ...value, [head]: to };
  return { ...value, [head]: setPath(value[head] as Record<string, unknown>, rest, to) };
};

/** A line that no reader may accept: broken JSON, another structure, or a record with one field wrong. */
const badLine: fc.Arbitrary<string> = fc.oneof(
  notJsonObjectText.filter((s) => {
    try {
      JSON.parse(s);
      return false;
    } catch {
      return true;
    }
  }),
  fc
    .jsonValue({ maxDepth: 3 })
    .filter((v) => typeof v !== 'object' || v === null || Array.isArray(v) || v.format !== 'bwi-delivery/1')
    .map((v) => JSON.stringify(v)),
  fc.tuple(validRecord, corruption).map(([r, [path, to]]) => JSON.stringify(setPath(r, path, to))),
);

const file = fc.record({
  before: fc.array(validRecord, { maxLength: 6 }),
  bad: fc.option(badLine, { nil: undefined }),
  after: fc.array(validRecord, { maxLength: 3 }),
});

async function alive(t: TestCore): Promise<void> {
  const res = await request(`${t.core.receiverUrl}/webhook`, { method: 'POST', body: '{"update_id": 1}' });
  await res.body.dump();
  expect(res.statusCode).toBe(200);
}

/** What every run must leave behind: a serving process, and a list and details that satisfy the contract. */
async function assertSound(newIds: number[]): Promise<void> {
  await alive(c.t);
  ListDeliveriesOutput.parse(await call(c.t, 'deliveries.list', { limit: 1000 }));
  for (const id of newIds) DeliveryDetail.parse(await call(c.t, 'deliveries.get', { id }));
}

async function newestIds(n: number): Promise<number[]> {
  if (n === 0) return [];
  const list = await call<{ items: Array<{ id: number }> }>(c.t, 'deliveries.list', { limit: n });
  return list.items.map((i) => i.id);
}

describe('importing generated files', () => {
  it('NDJSON: the job ends, the records before the first bad line are stored, the list stays valid', async () => {
    await fc.assert(
      fc.asyncProperty(file, async ({ before, bad, after }) => {
        const lines = [...before.map((r) => JSON.stringify(r)), ...(bad === undefined ? [] : [bad])];
        lines.push(...after.map((r) => JSON.stringify(r)));
        const end = await importText(c, `${lines.join('\n')}\n`, 'ndjson');
        if (bad === undefined) {
          expect(end).toMatchObject({
            state: 'finished',
            imported: before.length + after.length,
            skipped: 0,
          });
        } else {
          expect(end).toMatchObject({ state: 'failed', imported: before.length, skipped: 0 });
          expect(end.error).toMatch(new RegExp(`^line ${before.length + 1}: `));
        }
        await assertSound(await newestIds(end.imported));
      }),
      { numRuns: 60 },
    );
  }, 120_000);

  it('HAR: the job ends, the entries before the first bad one are stored, the list stays valid', async () => {
    const entry = fc.oneof(
      validRecord.map((r) => ({ _bwi: r })),
      fc.tuple(validRecord, corruption).map(([r, [path, to]]) => ({ _bwi: setPath(r, path, to), bad: true })),
      fc
        .anything({ maxDepth: 2 })
        .filter((v) => typeof v !== 'object' || v === null || Array.isArray(v))
        .map((v) => ({ raw: v, bad: true })),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(entry, { maxLength: 8 }), async (entries) => {
        const firstBad = entries.findIndex((e) => 'bad' in e);
        const har = {
          log: { version: '1.2', entries: entries.map((e) => ('raw' in e ? e.raw : { _bwi: e._bwi })) },
        };
        const end = await importText(c, JSON.stringify(har), 'har');
        if (firstBad === -1) {
          expect(end).toMatchObject({ state: 'finished', imported: entries.length });
        } else {
          expect(end).toMatchObject({ state: 'failed', imported: firstBad });
          expect(end.error).toMatch(new RegExp(`^entry ${firstBad + 1}: `));
        }
        await assertSound(await newestIds(end.imported));
      }),
      { numRuns: 40 },
    );
  }, 120_000);

  it('the receiver and the list survive a file of arbitrary JSON lines', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.jsonValue({ maxDepth: 4 }), { minLength: 1, maxLength: 5 }),
        async (values) => {
          const end = await importText(c, ndjson(values), 'ndjson');
          expect(['failed', 'finished']).toContain(end.state);
          await assertSound([]);
        },
      ),
      { numRuns: 40 },
    );
  }, 120_000);
});
