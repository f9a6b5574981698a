import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  type FrameTimers,
  frameWithFallback,
  spacedFrames,
} from '../../../src-renderer/features/deliveries/frames';

afterEach(() => {
  vi.useRealTimers();
});

/** Animation frames that run only when the test says (a visible tab), or never (a hidden one). */
function fakeFrames() {
  vi.useFakeTimers();
  const frames = new Map<number, () => void>();
  let next = 1;
  const timers: FrameTimers = {
    requestAnimationFrame: (callback) => {
      frames.set(next, callback);
      return next++;
    },
    cancelAnimationFrame: (handle) => {
      frames.delete(handle);
    },
    setTimeout: (callback, ms) => setTimeout(callback, ms),
    clearTimeout: (handle) => clearTimeout(handle),
  };
  const drawFrame = () => {
    const due = [...frames.values()];
    frames.clear();
    for (const callback of due) callback();
  };
  return {
    timers,
    drawFrame,
    get pendingFrames() {
      return frames.size;
    },
  };
}

describe('frameWithFallback', () => {
  it('runs on the next frame, once, and drops its timer', () => {
    const { timers, drawFrame } = fakeFrames();
    const schedule = frameWithFallback(timers, 200);
    const callback = vi.fn();
    schedule(callback);
    expect(callback).not.toHaveBeenCalled();
    drawFrame();
    expect(callback).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1000);
    expect(callback).toHaveBeenCalledTimes(1);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('runs on its timer when no frame comes (a hidden tab), once, and drops the frame', () => {
    const frames = fakeFrames();
    const schedule = frameWithFallback(frames.timers, 200);
    const callback = vi.fn();
    schedule(callback);
    vi.advanceTimersByTime(199);
    expect(callback).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(callback).toHaveBeenCalledTimes(1);
    expect(frames.pendingFrames).toBe(0);
    frames.drawFrame();
    expect(callback).toHaveBeenCalledTimes(1);
  });
});

describe('spacedFrames', () => {
  /** A scheduler whose "frames" run when the test draws, on a clock the test moves. */
  function spaced(minIntervalMs: number) {
    vi.useFakeTimers();
    const due: Array<() => void> = [];
    const schedule = spacedFrames(
      (callback) => due.push(callback),
      minIntervalMs,
      { setTimeout: (callback, ms) => setTimeout(callback, ms) },
      () => Date.now(),
    );
    const drawFrame = () => {
      for (const callback of due.splice(0)) callback();
    };
    return { schedule, drawFrame, waiting: () => due.length };
  }

  it('runs the first call after a quiet spell at the next frame, with no wait', () => {
    const { schedule, drawFrame, waiting } = spaced(100);
    const callback = vi.fn();
    schedule(callback);
    expect(waiting()).toBe(1);
    drawFrame();
    expect(callback).toHaveBeenCalledTimes(1);
  });

  it('holds a call that comes sooner than the interval until it has passed, then waits for a frame', () => {
    const { schedule, drawFrame, waiting } = spaced(100);
    schedule(() => {});
    drawFrame();
    vi.advanceTimersByTime(30);
    const second = vi.fn();
    schedule(second);
    // Not even asked for a frame yet: a burst redraws at most ten times a second.
    expect(waiting()).toBe(0);
    vi.advanceTimersByTime(69);
    expect(waiting()).toBe(0);
    vi.advanceTimersByTime(1);
    expect(waiting()).toBe(1);
    expect(second).not.toHaveBeenCalled();
    drawFrame();
    expect(second).toHaveBeenCalledTimes(1);
    // Long after: straight to the next frame again.
    vi.advanceTimersByTime(500);
    const third = vi.fn();
    schedule(third);
    expect(waiting()).toBe(1);
    drawFrame();
    expect(third).toHaveBeenCalledTimes(1);
  });

  it('counts the interval from when the callback ran, not from when it was asked for', () => {
    const { schedule, drawFrame, waiting } = spaced(100);
    schedule(() => {});
    // The frame comes late (a busy page): the next redraw is spaced from this one.
    vi.advanceTimersByTime(80);
    drawFrame();
    schedule(() => {});
    vi.advanceTimersByTime(99);
    expect(waiting()).toBe(0);
    vi.advanceTimersByTime(1);
    expect(waiting()).toBe(1);
  });
});
