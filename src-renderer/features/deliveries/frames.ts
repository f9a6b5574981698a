/** Runs a callback once, at the next chance to draw. */
export type ScheduleFrame = (callback: () => void) => void;

/**
 * How long a frame may be waited for. A hidden tab draws no frames at all, so
 * without this live arrivals would pile up unread until the user came back;
 * the browser slows timers in a hidden tab too, but they still run.
 */
export const FRAME_FALLBACK_MS = 200;

export interface FrameTimers {
  requestAnimationFrame(callback: () => void): number;
  cancelAnimationFrame(handle: number): void;
  setTimeout(callback: () => void, ms: number): ReturnType<typeof setTimeout>;
  clearTimeout(handle: ReturnType<typeof setTimeout>): void;
}

const browserTimers: FrameTimers = {
  requestAnimationFrame: (callback) => requestAnimationFrame(() => callback()),
  cancelAnimationFrame: (handle) => cancelAnimationFrame(handle),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle),
};

/**
 * The next animation frame, or a timer when no frame comes (a hidden tab):
 * whichever is first runs the callback, once, and cancels the other.
 */
export function frameWithFallback(
  timers: FrameTimers = browserTimers,
  fallbackMs = FRAME_FALLBACK_MS,
): ScheduleFrame {
  return (callback) => {
    let done = false;
    const run = () => {
      if (done) return;
      done = true;
      timers.cancelAnimationFrame(frame);
      timers.clearTimeout(timer);
      callback();
    };
    const frame = timers.requestAnimationFrame(run);
    const timer = timers.setTimeout(run, fallbackMs);
  };
}
