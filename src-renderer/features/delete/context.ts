import { createStoreContext } from '../../shared/storeContext';
import type { DeleteState } from './store';

const context = createStoreContext<DeleteState>('delete');

export const deleteSlot = context.slot;
export const DeleteProvider = context.Provider;
export const useDelete = context.useSelector;
export const useDeleteStore = context.useStoreApi;
