/**
 * Collects writes that arrive in the same turn of the event loop and commits
 * them in one transaction: one fsync for many requests. Each caller's promise
 * settles only after its write is committed, so an HTTP answer sent after
 * `await add(…)` is never ahead of the disk.
 */
export class GroupCommitter<T, R> {
  private pending: Array<{ item: T; resolve: (r: R) => void; reject: (e: unknown) => void }> = [];
  private scheduled = false;

  constructor(
    private readonly commit: (items: T[]) => R[],
    private readonly onCommitted: (results: R[]) => void,
    private readonly maxBatch = 2000,
  ) {}

  add(item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.pending.push({ item, resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  get size(): number {
    return this.pending.length;
  }

  /** Commits everything queued now; also called on shutdown. */
  flush(): void {
    this.scheduled = false;
    while (this.pending.length > 0) {
      const batch = this.pending.splice(0, this.maxBatch);
      let results: R[];
      try {
        results = this.commit(batch.map((p) => p.item));
      } catch (error) {
        for (const p of batch) p.reject(error);
        continue;
      }
      for (const [i, p] of batch.entries()) p.resolve(results[i] as R);
      this.onCommitted(results);
    }
  }
}
