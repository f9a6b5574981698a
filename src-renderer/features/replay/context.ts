import { createStoreContext } from '../../shared/storeContext';
import type { ReplayAttemptsState } from './attemptsStore';
import type { ReplayState } from './store';

const replay = createStoreContext<ReplayState>('replay');
const attempts = createStoreContext<ReplayAttemptsState>('replays tab');

export const replaySlot = replay.slot;
export const ReplayProvider = replay.Provider;
export const useReplay = replay.useSelector;
export const replayAttemptsSlot = attempts.slot;
export const ReplayAttemptsProvider = attempts.Provider;
export const useReplayAttempts = attempts.useSelector;
/** The store itself, for effects that call it rather than render from it. */
export const useReplayAttemptsStore = attempts.useStoreApi;
