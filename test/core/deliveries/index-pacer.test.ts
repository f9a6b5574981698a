import { afterEach, describe, expect, it, vi } from 'vitest';
import { IndexPacer } from '../../../src-main/core/deliveries/index-pacer';

afterEach(() => {
  vi.useRealTimers();
});

function pacer() {
  vi.useFakeTimers();
  const asked = { steps: 0 };
  const p = new IndexPacer(
    () => asked.steps++,
    { minRows: 256, waitMs: 100, behindMax: 2000 },
    {
      setTimeout: (callback, ms) => setTimeout(callback, ms),
      clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
    },
  );
  return { p, asked };
}

describe('IndexPacer (when the writer thread steps the search index)', () => {
  it('lets small commits gather, and steps within the wait of the first of them', () => {
    const { p, asked } = pacer();
    p.committed(19);
    vi.advanceTimersByTime(60);
    p.committed(19);
    expect(asked.steps).toBe(0);
    vi.advanceTimersByTime(40);
    expect(asked.steps).toBe(1);
    // Nothing more committed: no more steps.
    vi.advanceTimersByTime(1000);
    expect(asked.steps).toBe(1);
  });

  it('steps at once when enough rows wait, and drops the timer it had set', () => {
    const { p, asked } = pacer();
    p.committed(200);
    p.committed(56);
    expect(asked.steps).toBe(1);
    expect(p.mayStep(false)).toBe(true);
    vi.advanceTimersByTime(1000);
    expect(asked.steps).toBe(1);
  });

  it('gives way to waiting inserts, then asks again at the next commit', () => {
    const { p, asked } = pacer();
    p.committed(10);
    vi.advanceTimersByTime(100);
    expect(asked.steps).toBe(1);
    expect(p.mayStep(true)).toBe(false);
    // The commit of those inserts brings the step back at once.
    p.committed(5);
    expect(asked.steps).toBe(2);
    expect(p.mayStep(false)).toBe(true);
  });

  it('under a steady flood steps anyway once the index is far behind, so search never falls ever further back', () => {
    const { p } = pacer();
    let refused = 0;
    for (let commit = 0; commit < 200; commit++) {
      p.committed(19);
      if (p.mayStep(true)) break;
      refused += 1;
    }
    // 2,000 rows behind at most: about 105 commits of 19.
    expect(refused).toBeGreaterThan(90);
    expect(refused).toBeLessThan(110);
  });

  it('starts the count again after a step', () => {
    const { p, asked } = pacer();
    p.committed(300);
    expect(p.mayStep(false)).toBe(true);
    p.committed(100);
    expect(asked.steps).toBe(1);
    vi.advanceTimersByTime(100);
    expect(asked.steps).toBe(2);
  });
});
