import type { WebhookInfo } from '@contract';
import { asObject, bool, int, str } from './read';

/** getWebhookInfo's result, as either platform sends it. */
export function readWebhookInfo(result: unknown): WebhookInfo {
  const r = asObject(result);
  const allowed = Array.isArray(r.allowed_updates)
    ? r.allowed_updates.filter((u): u is string => typeof u === 'string')
    : null;
  return {
    url: str(r.url) ?? '',
    hasCustomCertificate: bool(r.has_custom_certificate),
    pendingUpdateCount: int(r.pending_update_count),
    ipAddress: str(r.ip_address),
    lastErrorDate: int(r.last_error_date),
    lastErrorMessage: str(r.last_error_message),
    lastSynchronizationErrorDate: int(r.last_synchronization_error_date),
    maxConnections: int(r.max_connections),
    allowedUpdates: allowed,
  };
}
