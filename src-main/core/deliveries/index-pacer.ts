/**
 * When the writer thread steps the search index. FTS5 writes a segment per
 * transaction and merges them as they pile up: a step after every small
 * commit (19 rows a commit at saturation) cost as much per row as the insert
 * itself, and a step of a few hundred rows a third of that. So a step waits
 * for `minRows` committed rows, or `waitMs` after the first of them, and
 * gives way to inserts waiting unless the index is `behindMax` rows behind.
 * Searches read rows past the index from the table meanwhile
 * (search-index-lag): nothing is missed, only found a little slower.
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
}

const realTimers: PacerTimers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export class IndexPacer {
  /** Rows committed since the last step, as far as this thread knows. */
  private behind = 0;
  private timer: unknown = null;

  constructor(
    /** Asks for a step soon (the worker runs it at setImmediate). */
    private readonly requestStep: () => void,
    private readonly limits: PacerLimits = INDEX_PACE,
    private readonly timers: PacerTimers = realTimers,
  ) {}

  /** After a commit of `rows`: a step now when enough wait, else within waitMs of the first. */
  committed(rows: number): void {
    this.behind += rows;
    if (this.behind >= this.limits.minRows) this.now();
    else if (this.timer === null) {
      this.timer = this.timers.setTimeout(() => {
        this.timer = null;
        this.requestStep();
      }, this.limits.waitMs);
    }
  }

  /** A step without waiting (the start, a full step that may have left more, a retry). */
  now(): void {
    this.cancelTimer();
    this.requestStep();
  }

  /**
   * At a step's turn: true to index now (the count starts again), false to let
   * waiting inserts go first; the next commit then asks again.
   */
  mayStep(insertsWaiting: boolean): boolean {
    if (insertsWaiting && this.behind < this.limits.behindMax) {
      this.behind = Math.max(this.behind, this.limits.minRows);
      return false;
    }
    this.cancelTimer();
    this.behind = 0;
    return true;
  }

  private cancelTimer(): void {
    if (this.timer === null) return;
    this.timers.clearTimeout(this.timer);
    this.timer = null;
  }
}
