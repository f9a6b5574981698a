import { createStoreContext } from '../../shared/storeContext';
import type { CommandsState } from './store';

const context = createStoreContext<CommandsState>('commands');

export const commandsSlot = context.slot;
export const CommandsProvider = context.Provider;
export const useCommands = context.useSelector;
