import { useStore } from 'zustand';
import { keyLabel, shortcut } from '../shortcuts/registry';
import { useDeliveries } from './context';
import type { FollowStore } from './follow';
import { formatCount } from './format';

/** "Pause" the live list, or "Follow newest" again, with what arrived meanwhile. */
export function FollowToggle({ store }: { store: FollowStore }) {
  const paused = useStore(store, (state) => state.paused);
  const pausedAt = useStore(store, (state) => state.pausedAt);
  const toggle = useStore(store, (state) => state.toggle);
  const arrived = useDeliveries((state) => state.arrived);
  const count = paused ? arrived - pausedAt : 0;
  const key = keyLabel(shortcut('list.follow').keys[0] ?? '');
  return (
    <button
      type="button"
      className={paused ? 'button follow-toggle paused' : 'button follow-toggle'}
      data-testid="follow-toggle"
      aria-pressed={paused}
      title={
        paused
          ? `The list holds still; show the newest again (${key})`
          : `Hold the list still while deliveries arrive (${key})`
      }
      onClick={toggle}
    >
      {paused ? (
        <>
          Follow newest
          {count > 0 && <strong data-testid="arrived-while-paused"> · {formatCount(count)} new</strong>}
        </>
      ) : (
        'Pause'
      )}
    </button>
  );
}
