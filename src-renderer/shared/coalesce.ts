/**
 * Wraps a refresh so that at most one runs at a time. A call while one is on
 * its way does not start a second request: it asks for one more run after the
 * current one, because what it wants to see may have changed after that
 * request was answered. Every caller gets a promise that settles when the
 * runs it caused are done.
 */
export function coalesce(task: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | null = null;
  let again = false;
  return () => {
    if (running !== null) {
      again = true;
      return running;
    }
    running = (async () => {
      try {
        do {
          again = false;
          await task();
        } while (again);
      } finally {
        running = null;
      }
    })();
    return running;
  };
}
