import { createStoreContext } from '../../shared/storeContext';
import type { SandboxState } from './store';

const context = createStoreContext<SandboxState>('sandbox chat');

export const sandboxSlot = context.slot;
export const SandboxProvider = context.Provider;
export const useSandbox = context.useSelector;
