import type { Inbox } from '@contract';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { DataClient } from '../../api';
import { type CallError, localError, toCallError } from '../../api/callError';
import { inboxNameProblem } from './inboxName';

export interface InboxesState {
  items: Inbox[];
  /** True once a list has arrived: an empty `items` then really means none. */
  loaded: boolean;
  loading: boolean;
  error: CallError | null;
  /** True while an `inboxes.create` is on its way. */
  creating: boolean;
  /** Why the last create was refused: by the name rule here, or the server's message (e.g. a 409). */
  createError: CallError | null;
  start(): void;
  stop(): void;
  reload(): void;
  /** Resolves to the new inbox, or null when refused (the reason is then in `createError`). */
  create(name: string): Promise<Inbox | null>;
  clearCreateError(): void;
}

export type InboxesStore = StoreApi<InboxesState>;

export function createInboxesStore(client: DataClient): InboxesStore {
  let unsubscribe: Array<() => void> = [];
  let request = 0;

  return createStore<InboxesState>()((set, get) => {
    const load = async () => {
      const current = ++request;
      set({ loading: true });
      try {
        const { items } = await client.call('inboxes.list', {});
        if (current === request) set({ items, loaded: true, loading: false, error: null });
      } catch (error) {
        if (current === request) set({ loading: false, error: toCallError(error) });
      }
    };

    return {
      items: [],
      loaded: false,
      loading: false,
      error: null,
      creating: false,
      createError: null,
      start() {
        if (unsubscribe.length > 0) return;
        unsubscribe = [
          client.on('inboxes.changed', () => void load()),
          // An `inboxes.changed` may have been pushed while the stream was down.
          client.onReconnect(() => void load()),
        ];
        void load();
      },
      stop() {
        for (const stop of unsubscribe) stop();
        unsubscribe = [];
      },
      reload: () => void load(),
      async create(name) {
        // The form's submit is disabled meanwhile; a second call (a double Enter) must not race the first.
        if (get().creating) return null;
        // Refuse what the server would refuse, without a round trip, and say why.
        const problem = inboxNameProblem(name);
        if (problem !== null) {
          set({ createError: localError(problem) });
          return null;
        }
        set({ creating: true, createError: null });
        try {
          const inbox = await client.call('inboxes.create', { name });
          set({ creating: false });
          // `inboxes.changed` reloads as well; every load replaces `items`, so neither adds a duplicate.
          void load();
          return inbox;
        } catch (error) {
          set({ creating: false, createError: toCallError(error) });
          return null;
        }
      },
      clearCreateError: () => set({ createError: null }),
    };
  });
}
