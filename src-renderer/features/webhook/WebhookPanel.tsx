import type { BotProfile } from '@contract';
import { ErrorMessage } from '../../components/ErrorMessage';
import { formatLocalDateTime } from '../../shared/time';
import { usePolling } from '../../shared/usePolling';
import { CapturePanel } from '../capture/CapturePanel';
import { AdviceList } from './AdviceList';
import { adviceFor, mergeAdvice } from './advice';
import { useWebhook, useWebhookStore } from './context';
import { WebhookForm } from './WebhookForm';
import { WebhookStatus } from './WebhookStatus';
import './webhook.css';

/** Often enough to watch a queue drain while fixing a server; cheap for the platform. */
export const WEBHOOK_POLL_MS = 3_000;
/** The longest wait between checks of a platform that keeps failing. */
export const WEBHOOK_POLL_MAX_MS = 60_000;

/** 3 s while reads succeed; doubled for each failure in a row, up to a minute. */
export function pollDelay(failuresInARow: number): number {
  return Math.min(WEBHOOK_POLL_MAX_MS, WEBHOOK_POLL_MS * 2 ** Math.min(failuresInARow, 10));
}

function checkedLine(
  checkedAt: number | null,
  failedAt: number | null,
  failures: number,
  reason: string | null,
) {
  if (failedAt !== null) {
    return `Last check failed at ${formatLocalDateTime(new Date(failedAt))} (${reason ?? 'unknown reason'}); next in ${Math.round(pollDelay(failures) / 1000)} s`;
  }
  return checkedAt === null ? 'Reading…' : `Checked ${formatLocalDateTime(new Date(checkedAt))}, every 3 s`;
}

interface WebhookPanelProps {
  profile: BotProfile;
  /** For the sandbox, the offered URL is this inspector's own receiver. */
  receiverUrl: string | null;
}

export function WebhookPanel({ profile, receiverUrl }: WebhookPanelProps) {
  const info = useWebhook((state) => (state.profileId === profile.id ? state.info : null));
  const infoError = useWebhook((state) => state.infoError);
  const checkedAt = useWebhook((state) => state.checkedAt);
  const failedAt = useWebhook((state) => state.failedAt);
  const failuresInARow = useWebhook((state) => state.failuresInARow);
  const pendingGrowing = useWebhook((state) => state.pendingGrowing);
  const actionError = useWebhook((state) => state.actionError);
  const refresh = useWebhook((state) => state.refresh);
  const store = useWebhookStore();

  usePolling(
    () => refresh(profile.id),
    () => pollDelay(store.getState().failuresInARow),
    profile.id,
  );

  const context = { sandbox: profile.sandbox };
  const advice = mergeAdvice(
    actionError === null ? [] : adviceFor(actionError, context),
    infoError === null ? [] : adviceFor(infoError, context),
    info === null ? [] : adviceFor(info, { ...context, pendingGrowing }),
  );

  return (
    <section className="panel" data-testid="webhook-panel" aria-label="Webhook">
      <header className="panel-header">
        <h2>Webhook</h2>
        <span className="muted">
          {profile.name} · {profile.platform}
        </span>
        <span className="header-spacer" />
        <span
          className={failedAt === null ? 'muted small' : 'error-text small'}
          data-testid="webhook-checked"
          role="status"
        >
          {checkedLine(checkedAt, failedAt, failuresInARow, infoError?.message ?? null)}
        </span>
        <button type="button" className="button" onClick={() => void refresh(profile.id)}>
          Refresh
        </button>
      </header>
      <div className="panel-body">
        {infoError !== null && (
          <ErrorMessage
            message={`Could not read the webhook's state: ${infoError.message}`}
            testId="webhook-info-error"
          />
        )}
        {info !== null && <WebhookStatus info={info} />}
        <AdviceList advice={advice} />
        <WebhookForm profile={profile} receiverUrl={receiverUrl} />
        {profile.platform === 'telegram' && !profile.sandbox && <CapturePanel profile={profile} />}
      </div>
    </section>
  );
}
