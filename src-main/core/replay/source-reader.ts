import type { DeliveryStore, ReplaySource } from '../deliveries/store';

/** Deliveries read per query at most: as many as a job may have in flight (REPLAY_CONCURRENCY_MAX). */
export const SOURCE_CHUNK = 32;

/**
 * What a replay job sends, read a chunk of ids at a time in the order its
 * workers take them: one narrow query per chunk instead of a whole row (with
 * its invocation) per delivery, which was the largest cost of a bulk replay
 * to a fast target. Only the chunk being handed out is held. A delivery
 * deleted after its chunk was read is still sent: it was there when the
 * job reached it.
 */
export class ReplaySourceReader {
  private chunkNo = -1;
  private chunk: Promise<Map<number, ReplaySource>> = Promise.resolve(new Map());

  constructor(
    private readonly store: Pick<DeliveryStore, 'replaySources'>,
    private readonly ids: readonly number[],
    private readonly size = SOURCE_CHUNK,
  ) {}

  /** The source for `ids[index]`, or null when that delivery is gone. Asked in increasing order of index. */
  async at(index: number): Promise<ReplaySource | null> {
    const no = Math.floor(index / this.size);
    if (no !== this.chunkNo) {
      this.chunkNo = no;
      this.chunk = this.store.replaySources(this.ids.slice(no * this.size, (no + 1) * this.size));
    }
    const found = await this.chunk;
    return found.get(this.ids[index] as number) ?? null;
  }
}
