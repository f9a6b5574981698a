import { createStore, type StoreApi } from 'zustand/vanilla';
import type { DataClient } from '../../api';
import { createDefaultsSlice, type DefaultsSlice } from './defaultsSlice';
import { createGeneratorSlice, type GeneratorSlice } from './generatorSlice';
import { createKeysSlice, type KeysSlice } from './keysSlice';
import { createVerifierSlice, type VerifierSlice } from './verifierSlice';

/**
 * The Signed links view: the generator's form and last link, the verifier,
 * and the selected profile's signing keys. Kept in a store, not the panel, so
 * a half-filled form survives a look at another view.
 */
export type LinksState = GeneratorSlice & VerifierSlice & KeysSlice & DefaultsSlice;

export type LinksStore = StoreApi<LinksState>;

export function createLinksStore(client: DataClient): LinksStore {
  return createStore<LinksState>()((set, get) => ({
    ...createGeneratorSlice(set, get, client),
    ...createVerifierSlice(set, get, client),
    ...createKeysSlice(set, get, client),
    ...createDefaultsSlice(set, get, client),
  }));
}
