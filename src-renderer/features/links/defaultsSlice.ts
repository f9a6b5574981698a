import type { LinkDefaults } from '@contract';
import { type CallError, toCallError } from '../../api/callError';
import type { Slice } from './slice';

export interface DefaultsSlice {
  /** What new links get when the form leaves the expiry empty; null until read. */
  defaults: LinkDefaults | null;
  defaultsError: CallError | null;
  loadDefaults(): Promise<void>;
  /** Seconds, or null for links that never expire. */
  setDefaultExpiry(expiresIn: number | null): Promise<void>;
}

export const createDefaultsSlice: Slice<DefaultsSlice> = (set, _get, client) => ({
  defaults: null,
  defaultsError: null,

  async loadDefaults() {
    try {
      set({ defaults: await client.call('links.defaults', {}), defaultsError: null });
    } catch (error) {
      set({ defaultsError: toCallError(error) });
    }
  },

  async setDefaultExpiry(expiresIn) {
    try {
      set({ defaults: await client.call('links.setDefaults', { expiresIn }), defaultsError: null });
    } catch (error) {
      set({ defaultsError: toCallError(error, 'The default was not changed') });
    }
  },
});
