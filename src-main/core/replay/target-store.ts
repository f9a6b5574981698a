import type { ReplayTarget } from '@contract';

/**
 * The targets replays went to, per inbox: kept in the store (not the
 * browser) so every tab, browser and restart offers the same list. Each
 * inbox keeps at most REPLAY_TARGETS_KEPT: named ones before unnamed ones,
 * then the most recently used.
 */
export interface ReplayTargetStore {
  /** Marks `url` used now for `inbox` (a name given before stays). */
  remember(inbox: string, url: string, at: number): Promise<void>;
  /** Most recently used first; every inbox's when `inbox` is omitted. */
  list(inbox?: string): Promise<ReplayTarget[]>;
  /** Names a target, remembering it if it was not; null takes the name away. */
  name(inbox: string, url: string, name: string | null, at: number): Promise<ReplayTarget>;
  forget(inbox: string, url: string): Promise<boolean>;
}
