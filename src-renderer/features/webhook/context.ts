import { createStoreContext } from '../../shared/storeContext';
import type { WebhookState } from './store';

const context = createStoreContext<WebhookState>('webhook');

export const webhookSlot = context.slot;
export const WebhookProvider = context.Provider;
export const useWebhook = context.useSelector;
/** The store itself, for a poll that reads its latest state between renders. */
export const useWebhookStore = context.useStoreApi;
