import { useWebhook } from './context';
import './webhook.css';

/**
 * Says that Set or Delete worked. A polite live region that stays in the
 * form's flow (never over other content), so screen readers hear it too.
 * Kept here until the app has a shared toast.
 */
export function WebhookNotice() {
  const notice = useWebhook((state) => state.notice);
  return (
    <p className="webhook-notice" role="status" aria-live="polite" data-testid="webhook-notice">
      {notice ?? ''}
    </p>
  );
}
