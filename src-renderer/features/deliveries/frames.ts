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

/**
 * How often, at most, live arrivals redraw the list. A burst of 1,000 a second
 * would otherwise cost a layout and paint of every visible row on each of 60
 * frames; ten a second still reads as live and leaves the main thread free.
 */
export const MIN_REDRAW_MS = 100;

/**
 * `schedule`, but at most once per `minIntervalMs`: the first call after a
 * quiet spell runs at the next chance to draw, as before; a call sooner waits
 * for the interval to pass. Calls are not coalesced here (callers already keep
 * one scheduled at a time), only spaced.
 */
export function spacedFrames(
  schedule: ScheduleFrame,
  minIntervalMs = MIN_REDRAW_MS,
  timers: Pick<FrameTimers, 'setTimeout'> = browserTimers,
  now: () => number = () => performance.now(),
): ScheduleFrame {
  let lastRun = Number.NEGATIVE_INFINITY;
  return (callback) => {
    const later = () =>
      schedule(() => {
        lastRun = now();
        callback();
      });
    const wait = lastRun + minIntervalMs - now();
    if (wait <= 0) later();
    else timers.setTimeout(later, wait);
  };
}
