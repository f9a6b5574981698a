import type { SigningKey } from '@contract';
import { type CallError, toCallError } from '../../api/callError';
import type { Slice } from './slice';

export type KeyAction = { kind: 'rotate' } | { kind: 'retire'; kid: string };

export interface KeysSlice {
  /** Whose keys `keys` are: answers for another profile are dropped. */
  keysProfileId: number | null;
  keys: SigningKey[];
  keysLoaded: boolean;
  keysError: CallError | null;
  keyAction: KeyAction | null;
  keyActionError: CallError | null;
  loadKeys(profileId: number): Promise<void>;
  rotateKey(profileId: number): Promise<boolean>;
  retireKey(profileId: number, kid: string): Promise<boolean>;
}

export const createKeysSlice: Slice<KeysSlice> = (set, get, client) => {
  let request = 0;

  const loadKeys = async (profileId: number) => {
    const current = ++request;
    if (get().keysProfileId !== profileId) {
      set({ keysProfileId: profileId, keys: [], keysLoaded: false, keysError: null, keyActionError: null });
    }
    try {
      const { items } = await client.call('links.keys', { profileId });
      if (current === request) set({ keys: items, keysLoaded: true, keysError: null });
    } catch (error) {
      if (current === request) set({ keysError: toCallError(error) });
    }
  };

  const act = async (action: KeyAction, profileId: number, run: () => Promise<unknown>) => {
    if (get().keyAction !== null) return false;
    set({ keyAction: action, keyActionError: null });
    try {
      await run();
      set({ keyAction: null });
      await loadKeys(profileId);
      return true;
    } catch (error) {
      set({ keyAction: null, keyActionError: toCallError(error) });
      return false;
    }
  };

  return {
    keysProfileId: null,
    keys: [],
    keysLoaded: false,
    keysError: null,
    keyAction: null,
    keyActionError: null,
    loadKeys,
    rotateKey: (profileId) =>
      act({ kind: 'rotate' }, profileId, () => client.call('links.rotateKey', { profileId })),
    retireKey: (profileId, kid) =>
      act({ kind: 'retire', kid }, profileId, () => client.call('links.retireKey', { profileId, kid })),
  };
};
