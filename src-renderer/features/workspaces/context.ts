import { createStoreContext } from '../../shared/storeContext';
import type { WorkspacesState } from './store';

const workspaces = createStoreContext<WorkspacesState>('workspaces');

export const WorkspacesProvider = workspaces.Provider;
export const useWorkspaces = workspaces.useSelector;
