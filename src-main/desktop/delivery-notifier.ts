/** What the notifier needs of the shell and the clock; fakes stand in for them in tests. */
export interface NotifierDeps {
  /** The user's setting: off by default. */
  enabled(): boolean;
  /** While the window has focus the list itself shows what came in. */
  focused(): boolean;
  show(title: string, body: string): void;
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** At most one notification in this long: a flood of deliveries is one line, not a stream of pop-ups. */
export const NOTIFY_INTERVAL_MS = 15_000;
/** Inbox names named in one notification; the rest are counted, up to a bound on the names kept. */
const MAX_NAMED_INBOXES = 3;
const MAX_KEPT_INBOXES = 100;

export interface DeliveryNotifier {
  /** Deliveries just committed (one `delivery.added` event). */
  added(items: readonly { inbox: string }[]): void;
  /** The window got focus: what was pending is seen. */
  seen(): void;
  dispose(): void;
}

/**
 * System notifications for new deliveries while the window is unfocused:
 * the first at once, then at most one per interval summing up what came in
 * meanwhile. The pending tally is a count and a small set of names, so a
 * flood holds no more memory than one delivery.
 */
export function createDeliveryNotifier(
  deps: NotifierDeps,
  intervalMs = NOTIFY_INTERVAL_MS,
): DeliveryNotifier {
  let lastShown = Number.NEGATIVE_INFINITY;
  let pending = 0;
  const inboxes = new Set<string>();
  let timer: unknown = null;

  const clear = () => {
    pending = 0;
    inboxes.clear();
    if (timer !== null) deps.clearTimeout(timer);
    timer = null;
  };

  const flush = () => {
    timer = null;
    if (pending === 0 || !deps.enabled() || deps.focused()) return clear();
    const names = [...inboxes];
    const shown = names.slice(0, MAX_NAMED_INBOXES).join(', ');
    const more = names.length > MAX_NAMED_INBOXES ? ` and ${names.length - MAX_NAMED_INBOXES} more` : '';
    deps.show(
      pending === 1 ? 'New delivery' : `${pending} new deliveries`,
      `${names.length === 1 ? 'Inbox' : 'Inboxes'} ${shown}${more}`,
    );
    lastShown = deps.now();
    clear();
  };

  return {
    added(items) {
      if (items.length === 0 || !deps.enabled() || deps.focused()) return;
      pending += items.length;
      for (const { inbox } of items) if (inboxes.size < MAX_KEPT_INBOXES) inboxes.add(inbox);
      if (timer !== null) return;
      const wait = lastShown + intervalMs - deps.now();
      if (wait <= 0) flush();
      else timer = deps.setTimeout(flush, wait);
    },
    seen: clear,
    dispose: clear,
  };
}
