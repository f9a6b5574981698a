import { createStoreContext } from '../../shared/storeContext';
import type { SettingsState } from './store';

const context = createStoreContext<SettingsState>('inbox settings');

export const settingsSlot = context.slot;
export const SettingsProvider = context.Provider;
export const useSettings = context.useSelector;
export const useSettingsStore = context.useStoreApi;
