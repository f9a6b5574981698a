import type { DataClient } from '../../api';

/**
 * One part of the links store, written against its own state only: `set`
 * and `get` are the whole store's, narrowed, so each part stays a small file.
 */
export type Slice<S> = (set: (partial: Partial<S>) => void, get: () => S, client: DataClient) => S;
