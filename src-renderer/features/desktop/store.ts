import type { DesktopPreferences } from '@contract';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ApiClient, DesktopShell } from '../../api';
import { type CallError, toCallError } from '../../api/callError';

export interface DesktopState {
  /** Null in a browser: the settings and the menu are the desktop shell's. */
  shell: DesktopShell | null;
  preferences: DesktopPreferences | null;
  error: CallError | null;
  saving: boolean;
  load(): Promise<void>;
  set(change: Partial<DesktopPreferences>): Promise<void>;
}

export type DesktopStore = StoreApi<DesktopState>;

export function createDesktopStore(client: Pick<ApiClient, 'desktop'>): DesktopStore {
  return createStore<DesktopState>()((set, get) => ({
    shell: client.desktop,
    preferences: null,
    error: null,
    saving: false,

    async load() {
      const { shell } = get();
      if (shell === null) return;
      try {
        set({ preferences: await shell.preferences(), error: null });
      } catch (error) {
        set({ error: toCallError(error) });
      }
    },

    async set(change) {
      const { shell } = get();
      if (shell === null || get().saving) return;
      set({ saving: true, error: null });
      try {
        set({ preferences: await shell.setPreferences(change) });
      } catch (error) {
        set({ error: toCallError(error) });
      }
      set({ saving: false });
    },
  }));
}
