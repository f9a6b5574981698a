import { useStore } from 'zustand';
import type { Stores } from './allStores';
import type { InfoState } from './appStore';

/**
 * The URL the empty state's example posts to: the filtered inbox's URL, else
 * the default inbox's, as `inboxes.list` states it. Falls back to the bare
 * receiver URL when the inbox list has failed or lacks that inbox; null while
 * either is still loading, so no wrong URL is ever shown.
 */
export function useSampleTarget(stores: Stores, info: InfoState): string | null {
  const inbox = useStore(stores.deliveries, (state) => state.filter.inbox ?? null);
  const inboxes = useStore(stores.inboxes, (state) => state.items);
  const inboxesSettled = useStore(stores.inboxes, (state) => state.loaded || state.error !== null);
  if (info.status !== 'ready' || !inboxesSettled) return null;
  const name = inbox ?? info.info.defaultInbox;
  return inboxes.find((item) => item.name === name)?.url ?? info.info.receiverUrl;
}
