import type { CaptureStatus } from '@contract';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { DataClient } from '../../api';
import { type CallError, toCallError } from '../../api/callError';

export interface CaptureState {
  /** Captures running, by profile. */
  items: CaptureStatus[];
  busy: boolean;
  error: CallError | null;
  load(): Promise<void>;
  start(profileId: number, inbox: string, tapUrl: string): Promise<void>;
  stop(profileId: number): Promise<void>;
}

export type CaptureStore = StoreApi<CaptureState>;

/** Telegram capture sessions: their state lives in core; this mirrors it for the Webhook panel. */
export function createCaptureStore(client: DataClient): CaptureStore {
  return createStore<CaptureState>()((set, get) => {
    const run = async (call: () => Promise<unknown>) => {
      if (get().busy) return;
      set({ busy: true, error: null });
      try {
        await call();
        const { items } = await client.call('capture.list', {});
        set({ items, busy: false });
      } catch (error) {
        set({ busy: false, error: toCallError(error) });
      }
    };
    return {
      items: [],
      busy: false,
      error: null,
      load: () => run(async () => undefined),
      start: (profileId, inbox, tapUrl) =>
        run(() =>
          client.call('capture.start', {
            profileId,
            inbox,
            tapUrl: tapUrl.trim() === '' ? null : tapUrl.trim(),
          }),
        ),
      stop: (profileId) => run(() => client.call('capture.stop', { profileId })),
    };
  });
}
