export interface BadgeDeps {
  focused(): boolean;
  /** Shows the count on the dock or taskbar (0 clears it). */
  setCount(count: number): void;
}

export interface UnseenBadge {
  added(count: number): void;
  seen(): void;
}

/** Deliveries that came in while the window was unfocused, until it is focused again. */
export function createUnseenBadge(deps: BadgeDeps): UnseenBadge {
  let unseen = 0;
  return {
    added(count) {
      if (count === 0 || deps.focused()) return;
      unseen += count;
      deps.setCount(unseen);
    },
    seen() {
      if (unseen === 0) return;
      unseen = 0;
      deps.setCount(0);
    },
  };
}
