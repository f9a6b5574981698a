import { describe, expect, it } from 'vitest';
import type { ReplaySource } from '../../../src-main/core/deliveries/store';
import { ReplaySourceReader } from '../../../src-main/core/replay/source-reader';

/** A store that holds the even ids and counts its reads. */
function evenStore() {
  const reads: number[][] = [];
  return {
    reads,
    async replaySources(ids: readonly number[]) {
      reads.push([...ids]);
      const found = new Map<number, ReplaySource>();
      for (const id of ids) {
        if (id % 2 === 0)
          found.set(id, { id, headers: [], body: Buffer.from(String(id)), bodyOmitted: false });
      }
      return found;
    },
  };
}

describe('ReplaySourceReader', () => {
  it('reads one chunk per query, in the order ids are taken, and says which are gone', async () => {
    const store = evenStore();
    const ids = Array.from({ length: 10 }, (_, i) => i + 1);
    const reader = new ReplaySourceReader(store, ids, 4);
    // As the workers of a job ask: each index as it is taken, several before any answer.
    const asked = ids.map((_, index) => reader.at(index));
    const got = await Promise.all(asked);
    expect(got.map((s) => s?.body.toString() ?? null)).toEqual([
      null,
      '2',
      null,
      '4',
      null,
      '6',
      null,
      '8',
      null,
      '10',
    ]);
    expect(store.reads).toEqual([
      [1, 2, 3, 4],
      [5, 6, 7, 8],
      [9, 10],
    ]);
  });

  it('holds only the chunk being handed out', async () => {
    const store = evenStore();
    const reader = new ReplaySourceReader(store, [2, 4, 6, 8], 2);
    await reader.at(0);
    await reader.at(2);
    // Going back (never done by a job) reads again instead of keeping every chunk.
    await reader.at(1);
    expect(store.reads).toEqual([
      [2, 4],
      [6, 8],
      [2, 4],
    ]);
  });

  it('a failed read fails the ids of its chunk only', async () => {
    let calls = 0;
    const reader = new ReplaySourceReader(
      {
        async replaySources(ids: readonly number[]) {
          calls += 1;
          if (calls === 1) throw new Error('database is locked');
          return new Map(
            ids.map((id) => [id, { id, headers: [], body: Buffer.alloc(0), bodyOmitted: false }]),
          );
        },
      },
      [1, 2, 3, 4],
      2,
    );
    await expect(reader.at(0)).rejects.toThrow('database is locked');
    await expect(reader.at(1)).rejects.toThrow('database is locked');
    expect((await reader.at(2))?.id).toBe(3);
  });
});
