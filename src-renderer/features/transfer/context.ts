import { createStoreContext } from '../../shared/storeContext';
import type { TransferState } from './store';

const context = createStoreContext<TransferState>('export and import');

export const transferSlot = context.slot;
export const TransferProvider = context.Provider;
export const useTransfer = context.useSelector;
