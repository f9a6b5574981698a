import type { WebhookInfo } from '@contract';
import type { ReactNode } from 'react';
import { formatUnixSeconds } from '../../shared/time';
import { lastErrorText, pendingText } from './status';
import { isLoopbackHttp } from './webhookUrl';

const unknown = <span className="muted">unknown</span>;

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="field">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function yesNo(value: boolean | null): ReactNode {
  return value === null ? unknown : value ? 'yes' : 'no';
}

/** What getWebhookInfo said, with the two lines that matter most said in plain words. */
export function WebhookStatus({ info }: { info: WebhookInfo }) {
  const hasError = info.lastErrorDate !== null || (info.lastErrorMessage ?? '') !== '';
  return (
    <div className="webhook-status">
      <p className="status-line" data-testid="webhook-pending">
        {pendingText(info.pendingUpdateCount)}
      </p>
      <p className={`status-line${hasError ? ' error-text' : ''}`} data-testid="webhook-last-error">
        {lastErrorText(info)}
      </p>
      <dl className="fields">
        <Field label="URL">
          {info.url === '' ? (
            <span className="muted" data-testid="webhook-info-url">
              not set — the platform is not delivering anywhere
            </span>
          ) : (
            <>
              <code data-testid="webhook-info-url">{info.url}</code>
              {isLoopbackHttp(info.url) && (
                <span
                  className="badge"
                  data-testid="webhook-loopback-http"
                  title="Plain http to this machine: the sandbox delivers here, real platforms refuse it."
                >
                  loopback http · sandbox only
                </span>
              )}
            </>
          )}
        </Field>
        <Field label="Max connections">{info.maxConnections ?? unknown}</Field>
        <Field label="Allowed updates">
          {info.allowedUpdates === null
            ? unknown
            : info.allowedUpdates.length === 0
              ? 'the default set'
              : info.allowedUpdates.join(', ')}
        </Field>
        <Field label="Custom certificate">{yesNo(info.hasCustomCertificate)}</Field>
        {info.ipAddress !== null && <Field label="IP address">{info.ipAddress}</Field>}
        {info.lastSynchronizationErrorDate !== null && (
          <Field label="Last sync error">{formatUnixSeconds(info.lastSynchronizationErrorDate)}</Field>
        )}
      </dl>
    </div>
  );
}
