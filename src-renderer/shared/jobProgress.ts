/** What replay and transfer progress have in common. */
export interface JobProgress {
  jobId: string;
  state: string;
  done: number;
}

/**
 * Which of two reports about one job to keep. Events and call answers travel
 * separately (a WebSocket and an HTTP answer), so an older report can arrive
 * after a newer one: an ended job stays ended, and `done` never goes back.
 */
export function laterProgress<P extends JobProgress>(current: P | null, next: P): P {
  if (current === null || current.jobId !== next.jobId) return next;
  if (current.state !== 'running' && next.state === 'running') return current;
  if (next.state === 'running' && next.done < current.done) return current;
  return next;
}

/**
 * The last reports of jobs nobody is known to wait for yet. A job's first
 * events can overtake the answer to the call that started it; kept here, they
 * are applied once the answer names the job. Bounded: only the latest few.
 */
export class RecentProgress<P extends JobProgress> {
  private readonly byJob = new Map<string, P>();

  constructor(private readonly limit = 20) {}

  remember(progress: P): void {
    const kept = laterProgress(this.byJob.get(progress.jobId) ?? null, progress);
    this.byJob.delete(progress.jobId);
    this.byJob.set(progress.jobId, kept);
    if (this.byJob.size > this.limit) {
      const oldest = this.byJob.keys().next().value;
      if (oldest !== undefined) this.byJob.delete(oldest);
    }
  }

  /** The answer to a start call, merged with whatever arrived for it before. */
  settle(answer: P): P {
    const early = this.byJob.get(answer.jobId);
    this.byJob.delete(answer.jobId);
    return early === undefined ? answer : laterProgress(answer, early);
  }
}
