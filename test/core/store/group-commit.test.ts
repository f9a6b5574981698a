import { describe, expect, it, vi } from 'vitest';
import { GroupCommitter } from '../../../src-main/core/store/group-commit';

describe('GroupCommitter', () => {
  it('commits everything added in one tick once, and settles each promise with its own result after', async () => {
    const commit = vi.fn((items: number[]) => items.map((n) => n * 10));
    const onCommitted = vi.fn();
    const committer = new GroupCommitter(commit, onCommitted);

    let settled = 0;
    const promises = [1, 2, 3, 4, 5].map((n) =>
      committer.add(n).then((result) => {
        settled += 1;
        // Nothing resolves before its batch is committed.
        expect(commit).toHaveBeenCalledTimes(1);
        return result;
      }),
    );
    expect(commit).not.toHaveBeenCalled();
    expect(committer.size).toBe(5);

    expect(await Promise.all(promises)).toEqual([10, 20, 30, 40, 50]);
    expect(settled).toBe(5);
    expect(commit).toHaveBeenCalledTimes(1);
    expect(commit).toHaveBeenCalledWith([1, 2, 3, 4, 5]);
    expect(onCommitted).toHaveBeenCalledTimes(1);
    expect(onCommitted).toHaveBeenCalledWith([10, 20, 30, 40, 50]);
    expect(committer.size).toBe(0);
  });

  it('commits adds from separate ticks in separate batches', async () => {
    const commit = vi.fn((items: string[]) => items.map((s) => s.toUpperCase()));
    const committer = new GroupCommitter(commit, () => {});
    expect(await committer.add('a')).toBe('A');
    expect(await committer.add('b')).toBe('B');
    expect(commit.mock.calls).toEqual([[['a']], [['b']]]);
  });

  it('rejects every promise of a batch whose commit throws, and later batches still work', async () => {
    const failure = new Error('disk full');
    let fail = true;
    const commit = vi.fn((items: number[]) => {
      if (fail) throw failure;
      return items.map((n) => n + 1);
    });
    const onCommitted = vi.fn();
    const committer = new GroupCommitter(commit, onCommitted);

    const results = await Promise.allSettled([committer.add(1), committer.add(2), committer.add(3)]);
    expect(results).toEqual([
      { status: 'rejected', reason: failure },
      { status: 'rejected', reason: failure },
      { status: 'rejected', reason: failure },
    ]);
    expect(onCommitted).not.toHaveBeenCalled();

    fail = false;
    expect(await Promise.all([committer.add(7), committer.add(8)])).toEqual([8, 9]);
    expect(commit).toHaveBeenCalledTimes(2);
    expect(onCommitted).toHaveBeenCalledWith([8, 9]);
  });

  it('splits a large queue into batches of at most maxBatch', async () => {
    const commit = vi.fn((items: number[]) => items.map((n) => -n));
    const onCommitted = vi.fn();
    const committer = new GroupCommitter(commit, onCommitted, { maxBatch: 2 });
    const results = await Promise.all([1, 2, 3, 4, 5].map((n) => committer.add(n)));
    expect(results).toEqual([-1, -2, -3, -4, -5]);
    expect(commit.mock.calls).toEqual([[[1, 2]], [[3, 4]], [[5]]]);
    expect(onCommitted).toHaveBeenCalledTimes(3);
  });

  it('flush() commits what is queued right away (shutdown)', async () => {
    const commit = vi.fn((items: number[]) => items);
    const committer = new GroupCommitter(commit, () => {});
    const pending = committer.add(1);
    committer.flush();
    expect(commit).toHaveBeenCalledWith([1]);
    expect(committer.size).toBe(0);
    expect(await pending).toBe(1);
  });

  it('keeps up to maxInFlight commits under way, and what arrives meanwhile waits for a free slot', async () => {
    const gates: Array<() => void> = [];
    const commit = vi.fn(
      (items: number[]) => new Promise<number[]>((resolve) => gates.push(() => resolve(items))),
    );
    const committer = new GroupCommitter(commit, () => {}, { maxInFlight: 2, maxBatch: 1 });
    const results = [1, 2, 3].map((n) => committer.add(n));
    await new Promise((resolve) => setImmediate(resolve));
    // Two batches went at once; the third waits for one of them.
    expect(commit.mock.calls).toEqual([[[1]], [[2]]]);
    expect(committer.size).toBe(1);
    gates[1]?.();
    expect(await results[1]).toBe(2);
    await new Promise((resolve) => setImmediate(resolve));
    expect(commit.mock.calls).toEqual([[[1]], [[2]], [[3]]]);
    gates[0]?.();
    gates[2]?.();
    expect(await Promise.all(results)).toEqual([1, 2, 3]);
  });

  it('eager: a lone write starts its commit at once, and the next ones gather behind it', async () => {
    let release: () => void = () => {};
    const commit = vi.fn(
      (items: number[]) =>
        new Promise<number[]>((resolve) => {
          release = () => resolve(items);
        }),
    );
    const committer = new GroupCommitter(commit, () => {}, { eager: true });
    const first = committer.add(1);
    // No turn of the event loop has passed, and the commit is already under way.
    expect(commit.mock.calls).toEqual([[[1]]]);
    const rest = [2, 3].map((n) => committer.add(n));
    expect(committer.size).toBe(2);
    release();
    expect(await first).toBe(1);
    await new Promise((resolve) => setImmediate(resolve));
    expect(commit.mock.calls).toEqual([[[1]], [[2, 3]]]);
    release();
    expect(await Promise.all(rest)).toEqual([2, 3]);
  });

  it('flush() waits for every commit under way, not only the queued ones', async () => {
    let release: () => void = () => {};
    const commit = vi.fn(
      (items: number[]) =>
        new Promise<number[]>((resolve) => {
          release = () => resolve(items);
        }),
    );
    const committer = new GroupCommitter(commit, () => {}, { eager: true, maxInFlight: 4 });
    const write = committer.add(1);
    let flushed = false;
    const flushing = committer.flush().then(() => {
      flushed = true;
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(flushed).toBe(false);
    release();
    await flushing;
    expect(flushed).toBe(true);
    expect(await write).toBe(1);
  });
});
