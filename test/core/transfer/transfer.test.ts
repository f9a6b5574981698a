import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ContractError, type DeliveryDetail, type TransferProgress } from '@contract';
import { dispatch } from '@contract/dispatch';
import { request } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startTestCore, type TestCore } from '../../support/core';
import { record } from '../../support/records';
import { waitFor } from '../../support/wait';

const cores: TestCore[] = [];
afterEach(async () => {
  for (const c of cores.splice(0)) await c.dispose();
});

async function core(): Promise<{ t: TestCore; progress: TransferProgress[] }> {
  const t = await startTestCore();
  cores.push(t);
  const progress: TransferProgress[] = [];
  t.core.subscribe((name, payload) => {
    if (name === 'transfer.progress') progress.push(payload as TransferProgress);
  });
  return { t, progress };
}

async function call<T>(t: TestCore, method: string, input: unknown): Promise<T> {
  const result = await dispatch(t.core.service, method, input);
  if (!result.ok) throw new ContractError(result.error.error, result.error.message);
  return result.value as T;
}

const ended = (progress: TransferProgress[], jobId: string) =>
  waitFor(() => progress.find((p) => p.jobId === jobId && p.state !== 'running'), {
    timeoutMs: 15_000,
    what: 'the transfer to end',
  });

async function post(
  t: TestCore,
  body: string | Buffer,
  headers: Record<string, string> = {},
  path = '/webhook',
) {
  const res = await request(`${t.core.receiverUrl}${path}`, {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/json', ...headers },
  });
  await res.body.dump();
}

async function seed(t: TestCore) {
  await post(
    t,
    '{"update_id": 1, "message_id": 1, "from": {"id": 42, "name": "Ada"}, "chat": {"id": 42, "type": "private"}, "date": 1, "text": "/start"}',
  );
  await post(
    t,
    '{"update_id": 1, "message_id": 1, "from": {"id": 42, "name": "Ada"}, "chat": {"id": 42, "type": "private"}, "date": 1, "text": "/start"}',
  );
  await post(
    t,
    '{"update_id": 2, "message": {"message_id": 2, "from": {"id": 7, "first_name": "Bo"}, "chat": {"id": 7, "type": "private"}, "date": 1, "text": "hi"}}',
    {
      'x-telegram-bot-api-secret-token': 'super_secret_token',
    },
  );
  await post(t, Buffer.from([0xff, 0xfe, 0x00, 0x7b]), { 'content-type': 'application/octet-stream' });
  await post(t, '{"update_id": 3, "text": ');
  await post(t, '{"any": "shape"}', {}, '/webhook?source=test&x=%20y');
  const { url } = await t.core.service['links.sign']({ command: 'hello', userId: 42, params: [] });
  await (await request(url)).body.dump();
}

const all = async (t: TestCore): Promise<DeliveryDetail[]> => {
  const { items } = await t.core.service['deliveries.list']({ limit: 1000 });
  return Promise.all(items.reverse().map((i) => t.core.service['deliveries.get']({ id: i.id })));
};

/** What must survive a round trip, ids and credentials aside. */
const comparable = (d: DeliveryDetail) => ({
  receivedAt: d.receivedAt,
  inbox: d.inbox,
  method: d.method,
  path: d.path,
  query: d.query,
  body: d.body,
  bodySize: d.bodySize,
  responseStatus: d.responseStatus,
  response: d.response,
  problem: d.problem,
  summary: d.summary,
  remoteAddress: d.remoteAddress,
  headers: d.headers.map(([k, v]) => [k, k.toLowerCase() === 'x-telegram-bot-api-secret-token' ? '***' : v]),
  invocation: d.invocation,
});

async function exportFrom(
  t: TestCore,
  progress: TransferProgress[],
  format: 'ndjson' | 'har',
): Promise<string> {
  const started = await call<TransferProgress>(t, 'export.start', { format });
  const end = await ended(progress, started.jobId);
  expect(end).toMatchObject({ state: 'finished', kind: 'export' });
  return join(t.core.transferDir('exports'), end.file ?? '');
}

async function importInto(t: TestCore, progress: TransferProgress[], file: string, format: 'ndjson' | 'har') {
  const name = `copy-${Math.random().toString(36).slice(2)}.${format}`;
  copyFileSync(file, join(t.core.transferDir('imports'), name));
  const started = await call<TransferProgress>(t, 'import.start', { format, file: name });
  return ended(progress, started.jobId);
}

describe('export and import', () => {
  it('an NDJSON export re-imported into an empty data dir reproduces the deliveries byte for byte', async () => {
    const a = await core();
    await seed(a.t);
    const originals = await all(a.t);
    expect(originals.length).toBe(7);
    const file = await exportFrom(a.t, a.progress, 'ndjson');
    const text = readFileSync(file, 'utf8');
    expect(text.trim().split('\n')).toHaveLength(7);
    // Exports never carry credentials.
    expect(text).not.toContain('super_secret_token');
    expect(text).not.toContain(a.t.core.sandboxToken);
    expect(text).not.toContain(a.t.core.sandboxBot.jwt);

    const b = await core();
    const before = (await b.t.core.service['deliveries.list']({ limit: 1 })).total;
    const done = await importInto(b.t, b.progress, file, 'ndjson');
    expect(done).toMatchObject({ state: 'finished', imported: 7, skipped: 0 });
    const copies = (await all(b.t)).slice(before);
    expect(copies.map(comparable)).toEqual(originals.map(comparable));

    // Again, and into the original: nothing is duplicated.
    expect(await importInto(b.t, b.progress, file, 'ndjson')).toMatchObject({ imported: 0, skipped: 7 });
    expect(await importInto(a.t, a.progress, file, 'ndjson')).toMatchObject({ imported: 0, skipped: 7 });
  });

  it('a HAR export is valid HAR 1.2 and imports back', async () => {
    const a = await core();
    await seed(a.t);
    const file = await exportFrom(a.t, a.progress, 'har');
    const har = JSON.parse(readFileSync(file, 'utf8'));
    const nv = z.array(z.object({ name: z.string(), value: z.string() }));
    const Har = z.object({
      log: z.object({
        version: z.literal('1.2'),
        creator: z.object({ name: z.string(), version: z.string() }),
        entries: z.array(
          z.object({
            startedDateTime: z.iso.datetime({ offset: true }),
            time: z.number().nonnegative(),
            request: z.object({
              method: z.string(),
              url: z.url(),
              httpVersion: z.string(),
              cookies: z.array(z.unknown()),
              headers: nv,
              queryString: nv,
              postData: z.object({ mimeType: z.string(), text: z.string() }).optional(),
              headersSize: z.number(),
              bodySize: z.number(),
            }),
            response: z.object({
              status: z.number().int(),
              statusText: z.string(),
              httpVersion: z.string(),
              cookies: z.array(z.unknown()),
              headers: nv,
              content: z.object({ size: z.number(), mimeType: z.string() }),
              redirectURL: z.string(),
              headersSize: z.number(),
              bodySize: z.number(),
            }),
            cache: z.object({}),
            timings: z.object({ send: z.number(), wait: z.number(), receive: z.number() }),
          }),
        ),
      }),
    });
    const parsed = Har.safeParse(har);
    expect(parsed.error?.issues ?? []).toEqual([]);
    expect(har.log.entries).toHaveLength(7);
    expect(readFileSync(file, 'utf8')).not.toContain('super_secret_token');

    const b = await core();
    const done = await importInto(b.t, b.progress, file, 'har');
    expect(done).toMatchObject({ state: 'finished', imported: 7 });
  });

  it('imports a HAR made by another tool, reading the update from the request body', async () => {
    const b = await core();
    const har = {
      log: {
        version: '1.2',
        creator: { name: 'other', version: '1' },
        entries: [
          {
            startedDateTime: '2026-01-01T00:00:00.000Z',
            time: 1,
            request: {
              method: 'POST',
              url: 'https://example.com/webhook?x=1',
              headers: [{ name: 'Content-Type', value: 'application/json' }],
              postData: {
                mimeType: 'application/json',
                text: '{"update_id":9,"message":{"message_id":1,"chat":{"id":1,"type":"private"},"text":"from har"}}',
              },
            },
            response: { status: 200, content: { text: 'ok' } },
          },
        ],
      },
    };
    const path = join(b.t.core.transferDir('imports'), 'other.har');
    writeFileSync(path, JSON.stringify(har));
    const started = await call<TransferProgress>(b.t, 'import.start', { format: 'har', file: 'other.har' });
    expect(await ended(b.progress, started.jobId)).toMatchObject({ imported: 1 });
    const item = (await b.t.core.service['deliveries.list']({ limit: 1 })).items[0];
    expect(item?.summary).toMatchObject({ platform: 'telegram', text: 'from har', updateId: 9 });
    expect(item?.path).toBe('/webhook');
  });

  it('reports a bad line with its number and keeps what came before', async () => {
    const a = await core();
    await seed(a.t);
    const file = await exportFrom(a.t, a.progress, 'ndjson');
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    const b = await core();
    const broken = join(b.t.core.transferDir('imports'), 'broken.ndjson');
    writeFileSync(broken, `${lines.slice(0, 3).join('\n')}\n{not json\n${lines.slice(3).join('\n')}\n`);
    const started = await call<TransferProgress>(b.t, 'import.start', {
      format: 'ndjson',
      file: 'broken.ndjson',
    });
    const end = await ended(b.progress, started.jobId);
    expect(end).toMatchObject({ state: 'failed', imported: 3 });
    expect(end.error).toMatch(/line 4/);
  });

  it('drops the source’s "unknown inbox" when the record lands in an inbox that exists here', async () => {
    const b = await core();
    const lines = [
      record(1, { inbox: 'default', problem: 'unknown-inbox', responseStatus: 404 }),
      record(2, { inbox: 'nowhere', problem: 'unknown-inbox', responseStatus: 404 }),
    ];
    writeFileSync(
      join(b.t.core.transferDir('imports'), 'unknown.ndjson'),
      `${lines.map((l) => JSON.stringify(l)).join('\n')}\n`,
    );
    const started = await call<TransferProgress>(b.t, 'import.start', {
      format: 'ndjson',
      file: 'unknown.ndjson',
    });
    expect(await ended(b.progress, started.jobId)).toMatchObject({ state: 'finished', imported: 2 });
    const page = await call<{
      items: Array<{ inbox: string; problem: string | null; responseStatus: number }>;
    }>(b.t, 'deliveries.list', { limit: 10 });
    const byInbox = Object.fromEntries(page.items.map((i) => [i.inbox, i]));
    // The answer stays what the platform got; only the badge follows this inspector's inboxes.
    expect(byInbox.default).toMatchObject({ problem: null, responseStatus: 404 });
    expect(byInbox.nowhere).toMatchObject({ problem: 'unknown-inbox' });
  });

  it('refuses an unknown upload and a path-like name', async () => {
    const a = await core();
    await expect(call(a.t, 'import.start', { format: 'ndjson', file: 'nope.ndjson' })).rejects.toMatchObject({
      code: 'not-found',
    });
    await expect(
      call(a.t, 'import.start', { format: 'ndjson', file: '../inspector.sqlite' }),
    ).rejects.toMatchObject({ code: 'bad-input' });
  });
});
