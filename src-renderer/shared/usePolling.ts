import { useEffect, useEffectEvent } from 'react';

/**
 * Runs `task` now and then again `intervalMs` after each run has finished
 * (a function: asked after each run, so a caller can back off),
 * for as long as the calling component is mounted. Waiting for the answer
 * before starting the next timer means a slow server never has two requests
 * from us at once. While the page itself is hidden (another browser tab, a
 * minimized window) ticks are skipped: nobody is looking.
 *
 * `restartKey` restarts the loop at once, e.g. when the panel switches profile.
 */
export function usePolling(
  task: () => Promise<unknown>,
  intervalMs: number | (() => number),
  restartKey?: unknown,
): void {
  // The latest task and interval, without restarting the loop on every render.
  const run = useEffectEvent(task);
  const nextDelay = useEffectEvent(() => (typeof intervalMs === 'number' ? intervalMs : intervalMs()));

  // biome-ignore lint/correctness/useExhaustiveDependencies(restartKey): a new key is the signal to start over.
  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = async () => {
      if (stopped) return;
      if (document.visibilityState !== 'hidden') {
        try {
          await run();
        } catch {
          // The task's store keeps and shows its own errors; the loop goes on.
        }
      }
      if (!stopped) timer = setTimeout(() => void tick(), nextDelay());
    };
    void tick();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [restartKey]);
}
