import { afterEach, describe, expect, it, vi } from 'vitest';
import { IndexPacer } from '../../../src-main/core/deliveries/index-pacer';

afterEach(() => {
  vi.useRealTimers();
});

/** A pacer on fake timers, and a worker that steps when asked (as the writer thread does). */
function pacer() {
  vi.useFakeTimers();
  const asked = { steps: 0 };
  const p = new IndexPacer(
    () => asked.steps++,
    { minRows: 256, waitMs: 100, behindMax: 2000 },
    {
      setTimeout: (callback, ms) => setTimeout(callback, ms),
      clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
      now: () => Date.now(),
    },
  );
  /** The step the worker runs when asked: `rows` indexed, unless inserts wait. */
  const step = (rows: number, insertsWaiting = false) => {
    if (!p.mayStep(insertsWaiting)) return false;
    p.stepped(rows);
    return true;
  };
  return { p, asked, step };
}

describe('IndexPacer (when the writer thread steps the search index)', () => {
  it('indexes a commit after a quiet spell at once, as a search expects', () => {
    const { p, asked } = pacer();
    p.committed(1);
    expect(asked.steps).toBe(1);
  });

  it('while commits keep coming, lets them gather until the interval since the last step has passed', () => {
    const { p, asked, step } = pacer();
    p.committed(19);
    step(19);
    vi.advanceTimersByTime(30);
    p.committed(19);
    vi.advanceTimersByTime(30);
    p.committed(19);
    expect(asked.steps).toBe(1);
    vi.advanceTimersByTime(39);
    expect(asked.steps).toBe(1);
    vi.advanceTimersByTime(1);
    expect(asked.steps).toBe(2);
    step(38);
    expect(p.lag).toBe(0);
    // Nothing more committed: no more steps.
    vi.advanceTimersByTime(1000);
    expect(asked.steps).toBe(2);
  });

  it('steps at once when enough rows wait, and drops the timer it had set', () => {
    const { p, asked, step } = pacer();
    p.committed(10);
    step(10);
    p.committed(200);
    expect(asked.steps).toBe(1);
    p.committed(56);
    expect(asked.steps).toBe(2);
    step(256);
    vi.advanceTimersByTime(1000);
    expect(asked.steps).toBe(2);
  });

  it('gives way to waiting inserts, then asks again at the next commit', () => {
    const { p, asked, step } = pacer();
    p.committed(10);
    expect(asked.steps).toBe(1);
    expect(step(10, true)).toBe(false);
    // The commit of those inserts brings the step back at once.
    p.committed(5);
    expect(asked.steps).toBe(2);
    expect(step(15)).toBe(true);
    expect(p.lag).toBe(0);
  });

  it('under a steady flood keeps the index within a bound, each step taking at most 500 rows', () => {
    const { p, step } = pacer();
    let most = 0;
    for (let commit = 0; commit < 5000; commit++) {
      p.committed(19);
      step(Math.min(500, p.lag), true);
      most = Math.max(most, p.lag);
    }
    expect(most).toBeLessThan(2000 + 19);
  });

  it('asks for nothing once stopped, not even from a timer set before', () => {
    const { p, asked, step } = pacer();
    p.committed(1);
    step(1);
    p.committed(1);
    p.stop();
    vi.advanceTimersByTime(1000);
    p.now();
    p.committed(500);
    expect(asked.steps).toBe(1);
    expect(p.mayStep(false)).toBe(false);
  });
});
