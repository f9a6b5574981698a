/**
 * One batch's place in a replica's line of group commits (see CommitOrder).
 * `inserted` and `settled` may be called more than once: only the first counts.
 */
export interface CommitTurn {
  /** Resolves once the batch before has drawn its ids (or given up). */
  insertedBefore: Promise<void>;
  /** Resolves once the batch before has committed or rolled back. */
  settledBefore: Promise<void>;
  /** This batch has drawn its ids, or will not. */
  inserted(): void;
  /** This batch has committed or rolled back. */
  settled(): void;
}

/**
 * Lets a replica have two delivery transactions under way while keeping the
 * order that id-range readers rely on (a list catching up "after id N", a
 * replica catching up after a reconnect): within one replica, a batch draws
 * its ids only after the batch before it has drawn its own, and commits only
 * after that batch has committed or rolled back. So what a reader sees of
 * this replica's deliveries always ends at a commit boundary, never with a
 * gap below it that fills in later.
 *
 * The overlap is where the time goes: the next batch's INSERT (the biggest
 * statement) runs while the one before settles its duplicates and commits.
 * A batch waiting for its turn to claim first copies holds only its own
 * uncommitted rows, which nobody else can see or wait for, and the table
 * locks that the batch before it holds too, so the wait cannot close a lock
 * cycle that PostgreSQL would not see.
 *
 * It orders, it does not limit: every batch that has inserted holds its
 * connection until it commits, so how many are under way is the callers'
 * to bound (the receiver's group committer allows two).
 */
export class CommitOrder {
  private lastInserted: Promise<void> = Promise.resolve();
  private lastSettled: Promise<void> = Promise.resolve();

  /**
   * The next batch's turn: it must end with `settled()` whatever happens.
   * Each milestone also waits for the same one of the batch before, so a
   * batch that fails early cannot let the one after it overtake the one
   * before it.
   */
  take(): CommitTurn {
    const insertedBefore = this.lastInserted;
    const settledBefore = this.lastSettled;
    let inserted!: () => void;
    let settled!: () => void;
    this.lastInserted = new Promise<void>((resolve) => {
      inserted = () => void insertedBefore.then(resolve);
    });
    this.lastSettled = new Promise<void>((resolve) => {
      settled = () => {
        // A batch that settles before it inserted (its connection failed) frees the next one's insert too.
        inserted();
        void settledBefore.then(resolve);
      };
    });
    return { insertedBefore, settledBefore, inserted, settled };
  }
}
