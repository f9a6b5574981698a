import type { Person, Role } from '@contract';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { DataClient } from '../../api';
import { type CallError, toCallError } from '../../api/callError';

export interface PeopleState {
  items: Person[];
  loaded: boolean;
  error: CallError | null;
  adding: boolean;
  addError: CallError | null;
  /** The person just added and their token: shown once, as the server keeps only its hash. */
  created: { person: Person; token: string } | null;
  revoking: number | null;
  revokeError: CallError | null;
  start(): void;
  stop(): void;
  reload(): void;
  add(name: string, role: Role): Promise<boolean>;
  revoke(id: number): Promise<void>;
  /** Forgets the shown token: after this, nobody can read it again. */
  dismissCreated(): void;
}

export type PeopleStore = StoreApi<PeopleState>;

/** A team server's people (admin): who has a token, with which role, and who was cut off. */
export function createPeopleStore(client: DataClient): PeopleStore {
  let request = 0;

  return createStore<PeopleState>()((set, get) => {
    const load = async () => {
      const current = ++request;
      try {
        const { items } = await client.call('people.list', {});
        if (current === request) set({ items, loaded: true, error: null });
      } catch (error) {
        if (current === request) set({ error: toCallError(error) });
      }
    };

    return {
      items: [],
      loaded: false,
      error: null,
      adding: false,
      addError: null,
      created: null,
      revoking: null,
      revokeError: null,
      start: () => void load(),
      stop() {
        request += 1;
        // The token must not outlive the panel it was shown in.
        set({ created: null });
      },
      reload: () => void load(),
      async add(name, role) {
        if (get().adding) return false;
        set({ adding: true, addError: null, created: null });
        try {
          const created = await client.call('people.add', { name: name.trim(), role });
          set({ adding: false, created });
          void load();
          return true;
        } catch (error) {
          set({ adding: false, addError: toCallError(error) });
          return false;
        }
      },
      async revoke(id) {
        set({ revoking: id, revokeError: null });
        try {
          await client.call('people.revoke', { id });
          set({ revoking: null });
          await load();
        } catch (error) {
          set({ revoking: null, revokeError: toCallError(error) });
        }
      },
      dismissCreated: () => set({ created: null }),
    };
  });
}
