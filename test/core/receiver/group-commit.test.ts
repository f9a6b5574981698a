import { describe, expect, it, vi } from 'vitest';
import { GroupCommitter } from '../../../src-main/core/receiver/group-commit';

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
    const committer = new GroupCommitter(commit, onCommitted, 2);
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
});
