import { describe, expect, it } from 'vitest';
import { createDeliveryNotifier } from '../../src-main/desktop/delivery-notifier';
import { createUnseenBadge } from '../../src-main/desktop/unseen-badge';

/** A notifier on a hand-driven clock, recording what it shows. */
function setup({ enabled = true, focused = false } = {}) {
  const state = { now: 0, enabled, focused };
  const shown: string[] = [];
  const timers = new Map<number, { at: number; run: () => void }>();
  let next = 1;
  const notifier = createDeliveryNotifier(
    {
      enabled: () => state.enabled,
      focused: () => state.focused,
      show: (title, body) => shown.push(`${title} · ${body}`),
      now: () => state.now,
      setTimeout: (run, ms) => {
        const id = next++;
        timers.set(id, { at: state.now + ms, run });
        return id;
      },
      clearTimeout: (id) => timers.delete(id as number),
    },
    10_000,
  );
  const advance = (ms: number) => {
    state.now += ms;
    for (const [id, timer] of [...timers]) {
      if (timer.at <= state.now) {
        timers.delete(id);
        timer.run();
      }
    }
  };
  const added = (...inboxes: string[]) => notifier.added(inboxes.map((inbox) => ({ inbox })));
  return { state, shown, timers, notifier, advance, added };
}

describe('delivery notifications', () => {
  it('show the first delivery at once, then one summary per interval however many come', () => {
    const { shown, advance, added } = setup();
    added('shop');
    expect(shown).toEqual(['New delivery · Inbox shop']);
    for (let i = 0; i < 500; i++) added(i % 2 === 0 ? 'shop' : 'default');
    expect(shown).toHaveLength(1);
    advance(9_999);
    expect(shown).toHaveLength(1);
    advance(1);
    expect(shown).toEqual(['New delivery · Inbox shop', '500 new deliveries · Inboxes shop, default']);
  });

  it('name at most three inboxes and count the rest', () => {
    const { shown, added } = setup();
    added('a', 'b', 'c', 'd', 'e');
    expect(shown).toEqual(['5 new deliveries · Inboxes a, b, c and 2 more']);
  });

  it('stay quiet while the window is focused or the setting is off', () => {
    const { state, shown, added } = setup({ focused: true });
    added('shop');
    state.focused = false;
    state.enabled = false;
    added('shop');
    expect(shown).toEqual([]);
  });

  it('drop what was pending once the window is focused', () => {
    const { shown, advance, added, notifier, timers } = setup();
    added('shop');
    added('shop');
    notifier.seen();
    expect(timers.size).toBe(0);
    advance(20_000);
    expect(shown).toHaveLength(1);
  });
});

describe('unseen badge', () => {
  it('counts deliveries while unfocused and clears on focus', () => {
    let focused = false;
    const counts: number[] = [];
    const badge = createUnseenBadge({ focused: () => focused, setCount: (n) => counts.push(n) });
    badge.added(2);
    badge.added(1);
    badge.seen();
    focused = true;
    badge.added(5);
    badge.seen();
    expect(counts).toEqual([2, 3, 0]);
  });
});
