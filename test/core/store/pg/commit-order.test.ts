import { describe, expect, it } from 'vitest';
import { CommitOrder } from '../../../../src-main/core/store/pg/commit-order';

/** Whether `promise` has settled once the queued microtasks have run. */
async function isSettled(promise: Promise<unknown>): Promise<boolean> {
  let settled = false;
  void promise.then(() => {
    settled = true;
  });
  await new Promise((resolve) => setImmediate(resolve));
  return settled;
}

describe('CommitOrder (two PostgreSQL group commits in flight, in id order)', () => {
  it('lets the first batch go at once, and each next one insert and commit only after the one before', async () => {
    const order = new CommitOrder();
    const first = order.take();
    const second = order.take();
    expect(await isSettled(first.insertedBefore)).toBe(true);
    expect(await isSettled(first.settledBefore)).toBe(true);
    expect(await isSettled(second.insertedBefore)).toBe(false);

    first.inserted();
    expect(await isSettled(second.insertedBefore)).toBe(true);
    // Drawn its ids, not yet committed: the second may insert, not claim or commit.
    expect(await isSettled(second.settledBefore)).toBe(false);
    first.settled();
    expect(await isSettled(second.settledBefore)).toBe(true);
  });

  it('frees the next batch’s insert when one settles without inserting (its connection failed)', async () => {
    const order = new CommitOrder();
    const first = order.take();
    const second = order.take();
    const third = order.take();
    first.settled();
    expect(await isSettled(second.insertedBefore)).toBe(true);
    expect(await isSettled(second.settledBefore)).toBe(true);
    // Still in line behind the second.
    expect(await isSettled(third.insertedBefore)).toBe(false);
    second.inserted();
    second.inserted();
    second.settled();
    expect(await isSettled(third.settledBefore)).toBe(true);
  });

  it('keeps a batch that failed early from letting the next one overtake the one still committing', async () => {
    const order = new CommitOrder();
    const first = order.take();
    const second = order.take();
    const third = order.take();
    first.inserted();
    // The second fails (its INSERT, say) while the first is still committing.
    second.inserted();
    second.settled();
    expect(await isSettled(third.insertedBefore)).toBe(true);
    expect(await isSettled(third.settledBefore)).toBe(false);
    first.settled();
    expect(await isSettled(third.settledBefore)).toBe(true);
  });
});
