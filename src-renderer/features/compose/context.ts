import { createStoreContext } from '../../shared/storeContext';
import type { ComposeState } from './store';

const context = createStoreContext<ComposeState>('compose');

export const composeSlot = context.slot;
export const ComposeProvider = context.Provider;
export const useCompose = context.useSelector;
