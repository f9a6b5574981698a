import type { DeliveryFilter } from '@contract';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { DataClient } from '../../api';
import { errorMessage } from '../../api/errorMessage';
import { formatCount } from '../deliveries/format';

/** The dry run of a delete by filter: what the confirm names, and the id it stops at. */
export interface MatchingDryRun {
  filter: DeliveryFilter;
  count: number;
  upToId: number;
}

export interface DeleteState {
  /** A delete is on its way: every delete button waits for it. */
  busy: boolean;
  /** Set while the confirm of a delete by filter is shown. */
  dryRun: MatchingDryRun | null;
  counting: boolean;
  /** What the last delete did ("Deleted 3 deliveries.") or why it failed. */
  notice: { kind: 'done' | 'error'; text: string } | null;
  deleteIds(ids: readonly number[]): Promise<boolean>;
  /** Counts what the filter matches; the confirm shows the count. */
  countMatching(filter: DeliveryFilter): Promise<void>;
  /** Deletes what the dry run counted (not what arrived after it). */
  deleteMatching(): Promise<boolean>;
  cancelDryRun(): void;
  clearInbox(name: string): Promise<boolean>;
  deleteInbox(name: string): Promise<boolean>;
  dismiss(): void;
}

export type DeleteStore = StoreApi<DeleteState>;

const deliveries = (n: number) => `${formatCount(n)} ${n === 1 ? 'delivery' : 'deliveries'}`;

/**
 * Deleting deliveries and inboxes. The lists drop what went when the server's
 * `deliveries.deleted` events arrive (the deliveries store), so a delete made
 * in another window or on another replica shows the same way as one made here.
 */
export function createDeleteStore(client: DataClient): DeleteStore {
  return createStore<DeleteState>()((set, get) => {
    const run = async (work: () => Promise<string>): Promise<boolean> => {
      if (get().busy) return false;
      set({ busy: true, notice: null });
      try {
        const text = await work();
        set({ busy: false, notice: { kind: 'done', text } });
        return true;
      } catch (error) {
        set({ busy: false, notice: { kind: 'error', text: `Could not delete: ${errorMessage(error)}` } });
        return false;
      }
    };

    return {
      busy: false,
      dryRun: null,
      counting: false,
      notice: null,

      deleteIds: (ids) =>
        run(async () => {
          const { deleted } = await client.call('deliveries.delete', { deliveryIds: [...ids] });
          return `Deleted ${deliveries(deleted)}.`;
        }),

      async countMatching(filter) {
        if (get().counting) return;
        set({ counting: true, dryRun: null, notice: null });
        try {
          const { count, upToId } = await client.call('deliveries.countMatching', { filter });
          set({ counting: false, dryRun: { filter, count, upToId } });
        } catch (error) {
          set({
            counting: false,
            notice: {
              kind: 'error',
              text: `Could not count the matching deliveries: ${errorMessage(error)}`,
            },
          });
        }
      },

      deleteMatching() {
        const { dryRun } = get();
        if (dryRun === null) return Promise.resolve(false);
        set({ dryRun: null });
        return run(async () => {
          const { deleted } = await client.call('deliveries.deleteMatching', {
            filter: dryRun.filter,
            upToId: dryRun.upToId,
          });
          return `Deleted ${deliveries(deleted)}.`;
        });
      },

      cancelDryRun: () => set({ dryRun: null }),

      clearInbox: (name) =>
        run(async () => {
          const { deleted } = await client.call('inboxes.clear', { name });
          return `Cleared ${name}: deleted ${deliveries(deleted)}.`;
        }),

      deleteInbox: (name) =>
        run(async () => {
          const { deleted } = await client.call('inboxes.delete', { name });
          return `Deleted the inbox ${name} and its ${deliveries(deleted)}.`;
        }),

      dismiss: () => set({ notice: null }),
    };
  });
}
