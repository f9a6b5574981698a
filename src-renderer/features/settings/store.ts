import type { InboxSettings, Input, StorageInfo } from '@contract';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { DataClient } from '../../api';
import { type CallError, toCallError } from '../../api/callError';
import type { SettingsPatch } from './settingsForm';

export interface SettingsState {
  /** The inbox the view is about. */
  inbox: string | null;
  /** `inbox`'s settings as last read or saved; null while the first read is on its way. */
  settings: InboxSettings | null;
  loadError: CallError | null;
  /** Bumped whenever `settings` comes from the server, so the form starts over from it. */
  revision: number;
  saving: boolean;
  saveError: CallError | null;
  /** The last save went through, and nothing was read since. */
  saved: boolean;
  storage: StorageInfo | null;
  storageError: CallError | null;

  load(inbox: string): Promise<void>;
  save(patch: SettingsPatch): Promise<boolean>;
  /** How many deliveries of the inbox saving this retention would delete now; rejects when it cannot say. */
  retentionCount(retention: Input<'inboxes.retentionCount'>['retention']): Promise<number>;
  loadStorage(): Promise<void>;
}

export type SettingsStore = StoreApi<SettingsState>;

export function createSettingsStore(client: DataClient): SettingsStore {
  let request = 0;

  return createStore<SettingsState>()((set, get) => ({
    inbox: null,
    settings: null,
    loadError: null,
    revision: 0,
    saving: false,
    saveError: null,
    saved: false,
    storage: null,
    storageError: null,

    async load(inbox) {
      const current = ++request;
      if (inbox !== get().inbox) set({ inbox, settings: null });
      set({ loadError: null, saveError: null, saved: false });
      try {
        const settings = await client.call('inboxes.settings', { inbox });
        if (current === request) set((state) => ({ settings, revision: state.revision + 1 }));
      } catch (error) {
        if (current === request) set({ loadError: toCallError(error) });
      }
    },

    async retentionCount(retention) {
      const { inbox } = get();
      if (inbox === null) return 0;
      return (await client.call('inboxes.retentionCount', { inbox, retention })).count;
    },

    async save(patch) {
      const { inbox, saving } = get();
      if (inbox === null || saving) return false;
      // A read still on its way would overwrite what is being saved.
      const current = ++request;
      set({ saving: true, saveError: null, saved: false });
      try {
        const settings = await client.call('inboxes.configure', { inbox, ...patch });
        if (current === request) {
          set((state) => ({ settings, revision: state.revision + 1, saving: false, saved: true }));
        } else {
          set({ saving: false });
        }
        return true;
      } catch (error) {
        set({ saving: false, saveError: toCallError(error) });
        return false;
      }
    },

    async loadStorage() {
      try {
        set({ storage: await client.call('app.storage', {}), storageError: null });
      } catch (error) {
        set({ storageError: toCallError(error) });
      }
    },
  }));
}
