import type { WebhookInfo } from '@contract';
import type { ReactNode } from 'react';
import { DescriptionItem } from '../../components/DescriptionItem';
import { formatUnixSeconds } from '../../shared/time';
import { lastErrorText, pendingText } from './status';
import { isLoopbackHttp } from './webhookUrl';

const unknown = <span className="muted">unknown</span>;

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
        <DescriptionItem label="URL">
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
        </DescriptionItem>
        <DescriptionItem label="Max connections">{info.maxConnections ?? unknown}</DescriptionItem>
        <DescriptionItem label="Allowed updates">
          {info.allowedUpdates === null
            ? unknown
            : info.allowedUpdates.length === 0
              ? 'the default set'
              : info.allowedUpdates.join(', ')}
        </DescriptionItem>
        <DescriptionItem label="Custom certificate">{yesNo(info.hasCustomCertificate)}</DescriptionItem>
        {info.ipAddress !== null && <DescriptionItem label="IP address">{info.ipAddress}</DescriptionItem>}
        {info.lastSynchronizationErrorDate !== null && (
          <DescriptionItem label="Last sync error">
            {formatUnixSeconds(info.lastSynchronizationErrorDate)}
          </DescriptionItem>
        )}
      </dl>
    </div>
  );
}
