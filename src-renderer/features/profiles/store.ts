import type { BotProfile, ProfileInput } from '@contract';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { DataClient } from '../../api';
import { type CallError, toCallError } from '../../api/callError';
import { pickProfileId } from './defaultProfile';

export interface ProfilesState {
  items: BotProfile[];
  /** True once a list has arrived: an empty `items` then really means none. */
  loaded: boolean;
  error: CallError | null;
  /** The profile every bot panel works with. */
  selectedId: number | null;
  /** A create, update or delete is on its way. */
  saving: boolean;
  /** Why the last create, update or delete was refused: the server's words. */
  formError: CallError | null;
  start(): void;
  stop(): void;
  reload(): void;
  select(id: number): void;
  /** Creates when `id` is null, else updates. Resolves to the saved profile, or null when refused. */
  save(id: number | null, input: ProfileInput): Promise<BotProfile | null>;
  /** Resolves to true once deleted; false when refused (the reason is then in `formError`). */
  remove(id: number): Promise<boolean>;
  clearFormError(): void;
}

export type ProfilesStore = StoreApi<ProfilesState>;

export function createProfilesStore(client: DataClient): ProfilesStore {
  let unsubscribe: Array<() => void> = [];
  let request = 0;

  return createStore<ProfilesState>()((set, get) => {
    const load = async () => {
      const current = ++request;
      try {
        const { items } = await client.call('profiles.list', {});
        if (current !== request) return;
        set({ items, loaded: true, error: null, selectedId: pickProfileId(items, get().selectedId) });
      } catch (error) {
        if (current === request) set({ error: toCallError(error) });
      }
    };

    // One write at a time: the dialog's buttons are disabled meanwhile, a double click must not race.
    const write = async <T>(run: () => Promise<T>): Promise<T | null> => {
      if (get().saving) return null;
      set({ saving: true, formError: null });
      try {
        const result = await run();
        set({ saving: false });
        await load();
        return result;
      } catch (error) {
        set({ saving: false, formError: toCallError(error) });
        return null;
      }
    };

    return {
      items: [],
      loaded: false,
      error: null,
      selectedId: null,
      saving: false,
      formError: null,
      start() {
        if (unsubscribe.length > 0) return;
        // No event announces profile changes; another window may have edited them while we were away.
        unsubscribe = [client.onReconnect(() => void load())];
        void load();
      },
      stop() {
        for (const stop of unsubscribe) stop();
        unsubscribe = [];
      },
      reload: () => void load(),
      select: (id) => set({ selectedId: id }),
      save: (id, input) =>
        write(() =>
          id === null
            ? client.call('profiles.create', input)
            : client.call('profiles.update', { ...input, id }),
        ),
      async remove(id) {
        return (await write(() => client.call('profiles.delete', { profileId: id }))) !== null;
      },
      clearFormError: () => set({ formError: null }),
    };
  });
}
