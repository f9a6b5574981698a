import { createStoreContext } from '../../shared/storeContext';
import type { LogsState } from './store';

const context = createStoreContext<LogsState>('logs');

export const logsSlot = context.slot;
export const LogsProvider = context.Provider;
export const useLogs = context.useSelector;
