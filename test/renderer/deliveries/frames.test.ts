import { afterEach, describe, expect, it, vi } from 'vitest';
import { type FrameTimers, frameWithFallback } from '../../../src-renderer/features/deliveries/frames';

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
