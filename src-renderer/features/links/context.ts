import { createStoreContext } from '../../shared/storeContext';
import type { LinksState } from './store';

const context = createStoreContext<LinksState>('signed links');

export const linksSlot = context.slot;
export const LinksProvider = context.Provider;
export const useLinks = context.useSelector;
