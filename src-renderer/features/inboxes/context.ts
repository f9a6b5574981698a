import { createStoreContext } from '../../shared/storeContext';
import type { InboxesState } from './store';

const inboxes = createStoreContext<InboxesState>('inboxes');

export const inboxesSlot = inboxes.slot;
export const InboxesProvider = inboxes.Provider;
export const useInboxes = inboxes.useSelector;
