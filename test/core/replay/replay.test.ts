import { createHash } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ContractError, type ReplayProgress } from '@contract';
import { dispatch } from '@contract/dispatch';
import { request } from 'undici';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestCore, type TestCore } from '../../support/core';
import { waitFor } from '../../support/wait';
import { closedPortUrl } from '../sandbox/hook-server';

/** A developer's local bot: records what it gets, answers as told. */
async function bot(
  answer: (n: number) => { status: number; body: string; delayMs?: number } = () => ({
    status: 200,
    body: 'ok',
  }),
) {
  const got: Array<{ headers: IncomingHttpHeaders; body: Buffer }> = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      got.push({ headers: req.headers, body: Buffer.concat(chunks) });
      const a = answer(got.length);
      const send = () => {
        res.writeHead(a.status, { 'content-type': 'text/plain', 'x-bot': 'yes' });
        res.end(a.body);
      };
      if (a.delayMs) setTimeout(send, a.delayMs);
      else send();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhook`,
    got,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

let t: TestCore;
let progress: ReplayProgress[];
beforeEach(async () => {
  t = await startTestCore();
  progress = [];
  t.core.subscribe((name, payload) => {
    if (name === 'replay.progress') progress.push(payload as ReplayProgress);
  });
});
afterEach(async () => {
  await t.dispose();
});

const svc = () => t.core.service;

/** Through the contract, as the UI calls it: defaults applied, input validated. */
async function replay(input: unknown): Promise<ReplayProgress> {
  const result = await dispatch(t.core.service, 'replay.start', input);
  if (!result.ok) throw new ContractError(result.error.error, result.error.message);
  return result.value as ReplayProgress;
}

async function post(body: string, headers: Record<string, string> = {}) {
  const res = await request(`${t.core.receiverUrl}/webhook`, {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
  });
  await res.body.dump();
  return (await svc()['deliveries.list']({ limit: 1 })).items[0]?.id ?? 0;
}

const finished = (jobId: string) =>
  waitFor(() => progress.find((p) => p.jobId === jobId && p.state !== 'running'), {
    timeoutMs: 20_000,
    what: 'the job to end',
  });

describe('replay', () => {
  it('sends the original body bytes unchanged, with its Content-Type, chosen headers and the secret header', async () => {
    const target = await bot(() => ({ status: 202, body: 'accepted by bot' }));
    try {
      // Odd spacing and key order: a re-serialized body would not hash the same.
      const original = '{ "update_id": 77,  "message": {"text": "héllo", "chat": {"id": 1}} }';
      const id = await post(original, { 'x-trace': 'abc', 'x-other': 'no' });
      const started = await replay({
        target: target.url,
        deliveryIds: [id],
        keepHeaders: ['X-Trace'],
        secretToken: 'sekret_1',
      });
      await finished(started.jobId);
      expect(target.got).toHaveLength(1);
      const [received] = target.got;
      const hash = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');
      expect(hash(received?.body ?? '')).toBe(hash(Buffer.from(original)));
      expect(received?.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(received?.headers['x-trace']).toBe('abc');
      expect(received?.headers['x-other']).toBeUndefined();
      expect(received?.headers['x-telegram-bot-api-secret-token']).toBe('sekret_1');
      const attempts = await waitFor(async () => {
        const items = (await svc()['replay.attempts']({ deliveryId: id })).items;
        return items.length === 1 && items;
      });
      expect(attempts[0]).toMatchObject({
        deliveryId: id,
        target: target.url,
        status: 202,
        responseBody: 'accepted by bot',
        sentBodySha256: hash(Buffer.from(original)),
      });
      expect(attempts[0]?.responseHeaders).toContainEqual(['x-bot', 'yes']);
    } finally {
      await target.close();
    }
  });

  it('sends an edited body, or renumbers update_id, when asked; refuses invalid JSON', async () => {
    const target = await bot();
    try {
      const id = await post('{"update_id": 5, "text": "a"}');
      const edited = await replay({
        target: target.url,
        deliveryIds: [id],
        editedBody: '{"update_id": 5, "text": "b"}',
      });
      await finished(edited.jobId);
      expect(JSON.parse(target.got[0]?.body.toString() ?? '')).toEqual({ update_id: 5, text: 'b' });
      const renumbered = await replay({
        target: target.url,
        deliveryIds: [id],
        renumberUpdateId: true,
      });
      await finished(renumbered.jobId);
      expect(JSON.parse(target.got[1]?.body.toString() ?? '').update_id).toBe(6);
      await expect(async () =>
        replay({ target: target.url, deliveryIds: [id], editedBody: '{oops' }),
      ).rejects.toMatchObject({
        code: 'bad-input',
      });
    } finally {
      await target.close();
    }
  });

  it('replays 1,000 deliveries from a filter: 1,000 attempts and progress to the end', async () => {
    const target = await bot();
    try {
      await Promise.all(
        Array.from({ length: 1000 }, (_, i) => post(JSON.stringify({ update_id: i + 1, text: `bulk ${i}` }))),
      );
      const started = await replay({
        target: target.url,
        filter: { query: 'bulk' },
        concurrency: 8,
      });
      expect(started.total).toBe(1000);
      const end = await finished(started.jobId);
      expect(end).toMatchObject({ total: 1000, done: 1000, failed: 0, state: 'finished' });
      expect(target.got).toHaveLength(1000);
      // Progress was pushed along the way, never more than ten a second (plus the last).
      expect(progress.filter((p) => p.jobId === started.jobId).map((p) => p.done)).toEqual(
        [...progress.filter((p) => p.jobId === started.jobId).map((p) => p.done)].sort((a, b) => a - b),
      );
      const some = (await svc()['deliveries.list']({ query: 'bulk', limit: 1 })).items[0]?.id ?? 0;
      expect((await svc()['replay.attempts']({ deliveryId: some })).items).toHaveLength(1);
    } finally {
      await target.close();
    }
  }, 30_000);

  it('stops when cancelled', async () => {
    const target = await bot(() => ({ status: 200, body: 'slow', delayMs: 50 }));
    try {
      await Promise.all(
        Array.from({ length: 60 }, (_, i) => post(JSON.stringify({ update_id: i + 1, text: `cancel ${i}` }))),
      );
      const started = await replay({
        target: target.url,
        filter: { query: 'cancel' },
        concurrency: 2,
      });
      await waitFor(() => target.got.length >= 4, { what: 'a few replays' });
      await svc()['replay.cancel']({ jobId: started.jobId });
      const end = await finished(started.jobId);
      expect(end.state).toBe('cancelled');
      expect(end.done).toBeLessThan(60);
      expect(target.got.length).toBeLessThan(60);
    } finally {
      await target.close();
    }
  });

  it('records a refused target as a failed attempt', async () => {
    const id = await post('{"update_id": 1}');
    const started = await replay({ target: await closedPortUrl(), deliveryIds: [id] });
    expect(await finished(started.jobId)).toMatchObject({ done: 1, failed: 1, failedIds: [id] });
    const attempts = await waitFor(async () => {
      const items = (await svc()['replay.attempts']({ deliveryId: id })).items;
      return items.length === 1 && items;
    });
    expect(attempts[0]).toMatchObject({ status: null });
    expect(attempts[0]?.error).toMatch(/ECONNREFUSED/);
  });

  it("sets the secret header from a profile's webhook secret when asked", async () => {
    const target = await bot();
    try {
      const id = await post('{"update_id": 3}');
      const profile = await t.core.service['profiles.create']({
        name: 'TG',
        platform: 'telegram',
        baseUrl: 'https://api.telegram.org',
        publicUrl: '',
        inbox: 'default',
        appId: null,
        token: '1:x',
        webhookSecret: 'from_profile',
      });
      expect(profile.hasWebhookSecret).toBe(true);
      const started = await replay({
        target: target.url,
        deliveryIds: [id],
        secretFromProfileId: profile.id,
      });
      await finished(started.jobId);
      expect(target.got[0]?.headers['x-telegram-bot-api-secret-token']).toBe('from_profile');
      const sandbox = (await t.core.service['profiles.list']({})).items.find((p) => p.sandbox);
      await expect(
        replay({ target: target.url, deliveryIds: [id], secretFromProfileId: sandbox?.id }),
      ).rejects.toMatchObject({
        code: 'bad-input',
      });
    } finally {
      await target.close();
    }
  });

  it('refuses input that cannot work, with the reason', async () => {
    await expect(async () =>
      replay({ target: 'http://127.0.0.1:1/x', filter: { query: 'nothing-matches-this' } }),
    ).rejects.toMatchObject({
      code: 'bad-input',
    });
  });
  it('remembers the target for the inbox replayed from, and keeps the request exactly as sent', async () => {
    const target = await bot();
    try {
      const original = '{ "update_id": 5,  "message": {"text": "hi"} }';
      const id = await post(original);
      const { inbox } = await svc()['deliveries.get']({ id });
      const started = await replay({
        target: target.url,
        deliveryIds: [id],
        renumberUpdateId: true,
        secretToken: 'abc',
      });
      await finished(started.jobId);
      const { items: targets } = await svc()['replay.targets']({ inbox });
      expect(targets.map((t) => t.url)).toEqual([target.url]);
      await waitFor(async () => (await svc()['replay.attempts']({ deliveryId: id })).items[0], {
        what: 'the attempt to be stored',
      });
      const [attempt] = (await svc()['replay.attempts']({ deliveryId: id })).items;
      expect(attempt?.sentHeaders).toEqual([
        ['content-type', 'application/json; charset=utf-8'],
        ['x-telegram-bot-api-secret-token', 'abc'],
      ]);
      // Renumbered: the body sent differs, so it is kept, exactly as the bot got it.
      expect(attempt?.sentBody).toBe(target.got[0]?.body.toString('utf8'));

      const again = await replay({ target: target.url, deliveryIds: [id] });
      await finished(again.jobId);
      await waitFor(async () => (await svc()['replay.attempts']({ deliveryId: id })).items.length === 2, {
        what: 'the second attempt',
      });
      // Sent unchanged: no second copy of the original bytes.
      expect((await svc()['replay.attempts']({ deliveryId: id })).items[0]?.sentBody).toBeNull();
    } finally {
      await target.close();
    }
  });
});
