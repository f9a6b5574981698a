import { request } from 'undici';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestCore, type TestCore } from '../../support/core';

// Words are matched through the search index, which the writer thread fills a
// step behind the commits (index-pacer.ts): counting and deleting by words
// right after a burst must still take every delivery the list shows.

let t: TestCore;
beforeEach(async () => {
  t = await startTestCore();
});
afterEach(async () => {
  await t.dispose();
});

const post = (body: string) =>
  request(`${t.core.receiverUrl}/webhook`, {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/json' },
  }).then((res) => res.body.text());

describe('deleting by words right after deliveries arrive', () => {
  it('counts and deletes every match, the newest included', async () => {
    await Promise.all(
      Array.from({ length: 300 }, (_, i) => post(JSON.stringify({ update_id: i + 1, text: `heron ${i}` }))),
    );
    await post(JSON.stringify({ update_id: 1000, text: 'other bird' }));
    const svc = t.core.service;
    const counted = await svc['deliveries.countMatching']({ filter: { query: 'heron' } });
    expect(counted.count).toBe(300);
    const { deleted } = await svc['deliveries.deleteMatching']({
      filter: { query: 'heron' },
      upToId: counted.upToId,
    });
    expect(deleted).toBe(300);
    expect((await svc['deliveries.list']({ limit: 10 })).total).toBe(1);
  });
});
