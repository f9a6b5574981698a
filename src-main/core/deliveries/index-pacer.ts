/**
 * When the writer thread steps the search index. FTS5 writes a segment per
 * transaction and merges them as they pile up: a step after every small
 * commit (19 rows a commit at saturation) cost about as much per row as the
 * insert itself, 39 us; a step of a few hundred rows, 25 us. So steps are
 * spaced: after a quiet spell a commit is indexed at once, as before; while
 * commits keep coming, a step waits for `minRows` rows or `waitMs` after the
 * last step. A step gives way to waiting inserts until the index is
 * `behindMax` rows behind. Filters read rows past the index from the table
 * (search-index-lag), and a word search asks for a step at once
 * (SqliteWriter.indexedTo), so results never lag behind the list.
 */
export interface PacerLimits {
  minRows: number;
  waitMs: number;
  behindMax: number;
}

export const INDEX_PACE: PacerLimits = { minRows: 256, waitMs: 100, behindMax: 2000 };

export interface PacerTimers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  now(): number;
}

const realTimers: PacerTimers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  now: () => performance.now(),
};

export class IndexPacer {
  /** Rows committed and not yet indexed, as far as this thread knows. */
  private behind = 0;
  private timer: unknown = null;
  private lastStep = Number.NEGATIVE_INFINITY;
  private stopped = false;
  /** A step gave way to inserts: the next commit asks for it again at once. */
  private owed = false;

  constructor(
    /** Asks for a step soon (the worker runs it at setImmediate). */
    private readonly requestStep: () => void,
    private readonly limits: PacerLimits = INDEX_PACE,
    private readonly timers: PacerTimers = realTimers,
  ) {}

  /** How many committed rows wait for the index. */
  get lag(): number {
    return this.behind;
  }

  /** After a commit of `rows`: a step now when enough wait or the last was long ago, else once waitMs has passed. */
  committed(rows: number): void {
    if (this.stopped) return;
    this.behind += rows;
    if (this.owed || this.behind >= this.limits.minRows) {
      this.owed = false;
      this.now();
      return;
    }
    if (this.timer !== null) return;
    const wait = this.lastStep + this.limits.waitMs - this.timers.now();
    if (wait <= 0) {
      this.requestStep();
      return;
    }
    this.timer = this.timers.setTimeout(() => {
      this.timer = null;
      if (!this.stopped) this.requestStep();
    }, wait);
  }

  /** A step without waiting: the start, a full step that may have left more, a retry, a caller waiting for it. */
  now(): void {
    if (this.stopped) return;
    this.cancelTimer();
    this.requestStep();
  }

  /**
   * At a step's turn: true to index now, false to let waiting inserts go
   * first (the next commit then asks again at once).
   */
  mayStep(insertsWaiting: boolean): boolean {
    if (this.stopped) return false;
    if (insertsWaiting && this.behind < this.limits.behindMax) {
      this.owed = true;
      return false;
    }
    this.owed = false;
    this.cancelTimer();
    this.lastStep = this.timers.now();
    return true;
  }

  /** A step indexed `rows`. */
  stepped(rows: number): void {
    this.behind = Math.max(0, this.behind - rows);
  }

  /** Closing: no step is asked for again. */
  stop(): void {
    this.stopped = true;
    this.cancelTimer();
  }

  private cancelTimer(): void {
    if (this.timer === null) return;
    this.timers.clearTimeout(this.timer);
    this.timer = null;
  }
}
