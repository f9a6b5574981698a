import { createStoreContext } from '../../shared/storeContext';
import type { CaptureState } from './store';

const context = createStoreContext<CaptureState>('capture');

export const captureSlot = context.slot;
export const CaptureProvider = context.Provider;
export const useCapture = context.useSelector;
