export interface GroupCommitOptions {
  /** The most items one commit takes. */
  maxBatch?: number;
  /**
   * How many commits may be under way at once. 1 for a store that commits
   * in the caller's thread (or where order between batches matters); more
   * for a writer thread that queues them, so the next batch is on its way
   * while the disk syncs the last one.
   */
  maxInFlight?: number;
  /**
   * Start a commit at once when none is under way, instead of waiting for
   * the turn to end: a lone request on a quiet server is not held back for
   * company, while under load batches still form behind the one in flight.
   */
  eager?: boolean;
}

/**
 * Collects writes that arrive while the store is busy (or in the same turn
 * of the event loop) and commits them together: one transaction, one fsync,
 * for many requests. Each caller's promise settles only after its write is
 * committed, so an HTTP answer sent after `await add(…)` is never ahead of
 * the disk. Whatever arrives while `maxInFlight` batches are under way makes
 * the next one, so batches grow with the load (PostgreSQL's round trip) and
 * stay one turn long when commits are quick.
 */
export class GroupCommitter<T, R> {
  private pending: Array<{ item: T; resolve: (r: R) => void; reject: (e: unknown) => void }> = [];
  private scheduled = false;
  private readonly inFlight = new Set<Promise<void>>();
  private readonly maxBatch: number;
  private readonly maxInFlight: number;
  private readonly eager: boolean;

  constructor(
    private readonly commit: (items: T[]) => Promise<R[]> | R[],
    private readonly onCommitted: (results: R[]) => void,
    { maxBatch = 2000, maxInFlight = 1, eager = false }: GroupCommitOptions = {},
  ) {
    this.maxBatch = maxBatch;
    this.maxInFlight = maxInFlight;
    this.eager = eager;
  }

  add(item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.pending.push({ item, resolve, reject });
      if (this.eager && this.inFlight.size === 0) this.dispatch();
      else this.kick();
    });
  }

  /** Writes waiting for a commit to take them (not those under way). */
  get size(): number {
    return this.pending.length;
  }

  /** Commits everything queued now and waits until all of it has settled; also called on shutdown. Never rejects. */
  async flush(): Promise<void> {
    this.dispatch();
    while (this.inFlight.size > 0) {
      await Promise.all(this.inFlight);
      this.dispatch();
    }
  }

  /** Once per turn: everything added in this turn goes in one batch. */
  private kick(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.dispatch();
    });
  }

  private dispatch(): void {
    while (this.pending.length > 0 && this.inFlight.size < this.maxInFlight) {
      const run = this.run(this.pending.splice(0, this.maxBatch));
      this.inFlight.add(run);
      void run.finally(() => {
        this.inFlight.delete(run);
        // Added while the store was busy: they make the next batch now.
        this.dispatch();
      });
    }
  }

  private async run(batch: GroupCommitter<T, R>['pending']): Promise<void> {
    let results: R[];
    try {
      results = await this.commit(batch.map((p) => p.item));
    } catch (error) {
      for (const p of batch) p.reject(error);
      return;
    }
    for (const [i, p] of batch.entries()) p.resolve(results[i] as R);
    this.onCommitted(results);
  }
}
