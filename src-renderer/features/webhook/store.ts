import type { SetWebhookInput, WebhookInfo } from '@contract';
import { ContractError } from '@contract/errors';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { DataClient } from '../../api';
import { type CallError, toCallError } from '../../api/callError';
import { coalesce } from '../../shared/coalesce';

export interface WebhookState {
  /** The profile `info` is about; the panel switches it with `refresh(profileId)`. */
  profileId: number | null;
  info: WebhookInfo | null;
  /** The last `webhook.info` failed; an older `info` stays shown beside it. */
  infoError: CallError | null;
  /** When `info` was last read (ms since the epoch). */
  checkedAt: number | null;
  /** When the last read failed (ms since the epoch); null once one succeeds. */
  failedAt: number | null;
  /** Reads failed in a row: the poll backs off with each. */
  failuresInARow: number;
  /** The pending count rose between the last two reads. */
  pendingGrowing: boolean;
  busy: 'set' | 'delete' | null;
  /** Why the last set or delete failed: refused here before sending, or the platform's error. */
  actionError: CallError | null;
  /** What the last set or delete did, said once it worked; cleared by the next action. */
  notice: string | null;
  /** Reads the webhook's state; never two requests at once. */
  refresh(profileId: number): Promise<void>;
  /** Resolves to true when the platform took the change. */
  set(input: SetWebhookInput): Promise<boolean>;
  remove(dropPendingUpdates: boolean): Promise<boolean>;
  /** Records a problem found before sending, shown where a platform's refusal would be. */
  refuse(error: CallError): void;
  clearActionError(): void;
}

export type WebhookStore = StoreApi<WebhookState>;

/** What the store knows about a profile before its first read: where it starts, and where a profile switch returns. */
const NOTHING_KNOWN = {
  info: null,
  infoError: null,
  checkedAt: null,
  failedAt: null,
  failuresInARow: 0,
  pendingGrowing: false,
  busy: null,
  actionError: null,
  notice: null,
} as const satisfies Partial<WebhookState>;

function isGrowing(previous: WebhookInfo | null, next: WebhookInfo, wasGrowing: boolean): boolean {
  const before = previous?.pendingUpdateCount ?? null;
  const after = next.pendingUpdateCount;
  if (after === null || after === 0) return false;
  if (before === null) return wasGrowing;
  if (after > before) return true;
  return after < before ? false : wasGrowing;
}

export function createWebhookStore(client: DataClient): WebhookStore {
  // Bumped by a profile switch or a change: a read begun before it may describe the old state.
  let epoch = 0;

  return createStore<WebhookState>()((set, get) => {
    const accept = (info: WebhookInfo) =>
      set((state) => ({
        info,
        infoError: null,
        checkedAt: Date.now(),
        failedAt: null,
        failuresInARow: 0,
        pendingGrowing: isGrowing(state.info, info, state.pendingGrowing),
      }));
    const fail = (error: CallError) =>
      set((state) => ({ infoError: error, failedAt: Date.now(), failuresInARow: state.failuresInARow + 1 }));

    const read = coalesce(async () => {
      const { profileId } = get();
      if (profileId === null) return;
      const started = epoch;
      try {
        // webhook.check answers a platform failure instead of failing: no failed request (and browser console line) per poll.
        const check = await client.call('webhook.check', { profileId });
        if (started !== epoch) return;
        if (check.ok) accept(check.info);
        else fail(toCallError(new ContractError(check.error.code, check.error.message, check.error.details)));
      } catch (error) {
        if (started === epoch) fail(toCallError(error));
      }
    });

    const change = async (
      kind: 'set' | 'delete',
      run: (profileId: number) => Promise<WebhookInfo>,
      said: (info: WebhookInfo) => string,
    ) => {
      const { profileId, busy } = get();
      if (profileId === null || busy !== null) return false;
      epoch += 1;
      set({ busy: kind, actionError: null, notice: null });
      try {
        const info = await run(profileId);
        if (get().profileId !== profileId) return false;
        epoch += 1;
        // The queue may have been dropped: a count from before the change says nothing about growth.
        set({
          info,
          infoError: null,
          checkedAt: Date.now(),
          failedAt: null,
          failuresInARow: 0,
          pendingGrowing: false,
          busy: null,
          notice: said(info),
        });
        return true;
      } catch (error) {
        if (get().profileId === profileId) set({ busy: null, actionError: toCallError(error) });
        return false;
      }
    };

    return {
      profileId: null,
      ...NOTHING_KNOWN,

      refresh(profileId) {
        if (profileId !== get().profileId) {
          epoch += 1;
          set({ profileId, ...NOTHING_KNOWN });
        }
        return read();
      },

      set: (input) =>
        change(
          'set',
          (profileId) => client.call('webhook.set', { ...input, profileId }),
          (info) =>
            `Webhook set${info.url === '' ? '' : ` to ${info.url}`}.${input.dropPendingUpdates ? ' Pending updates dropped.' : ''}`,
        ),

      remove: (dropPendingUpdates) =>
        change(
          'delete',
          (profileId) => client.call('webhook.delete', { profileId, dropPendingUpdates }),
          () => `Webhook deleted.${dropPendingUpdates ? ' Pending updates dropped.' : ''}`,
        ),

      refuse: (error) => set({ actionError: error, notice: null }),
      clearActionError: () => set({ actionError: null }),
    };
  });
}
