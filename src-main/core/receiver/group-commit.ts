/**
 * Collects writes that arrive while the store is busy (or in the same turn
 * of the event loop) and commits them together: one transaction, one fsync,
 * for many requests. Each caller's promise settles only after its write is
 * committed, so an HTTP answer sent after `await add(…)` is never ahead of
 * the disk. One batch is in flight at a time; whatever arrives meanwhile
 * makes the next one, so batches grow with the load (PostgreSQL's round
 * trip) and stay one turn long when commits are synchronous (SQLite).
 */
export class GroupCommitter<T, R> {
  private pending: Array<{ item: T; resolve: (r: R) => void; reject: (e: unknown) => void }> = [];
  private scheduled = false;
  private draining: Promise<void> | null = null;

  constructor(
    private readonly commit: (items: T[]) => Promise<R[]> | R[],
    private readonly onCommitted: (results: R[]) => void,
    private readonly maxBatch = 2000,
  ) {}

  add(item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.pending.push({ item, resolve, reject });
      this.kick();
    });
  }

  get size(): number {
    return this.pending.length;
  }

  /** Commits everything queued now, batch after batch; also called on shutdown. Never rejects. */
  flush(): Promise<void> {
    this.draining ??= this.drain().finally(() => {
      this.draining = null;
      // Added between the last batch and now: they start the next round.
      if (this.pending.length > 0) this.kick();
    });
    return this.draining;
  }

  private kick(): void {
    if (this.scheduled || this.draining !== null) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      void this.flush();
    });
  }

  private async drain(): Promise<void> {
    while (this.pending.length > 0) {
      const batch = this.pending.splice(0, this.maxBatch);
      let results: R[];
      try {
        results = await this.commit(batch.map((p) => p.item));
      } catch (error) {
        for (const p of batch) p.reject(error);
        continue;
      }
      for (const [i, p] of batch.entries()) p.resolve(results[i] as R);
      this.onCommitted(results);
    }
  }
}
