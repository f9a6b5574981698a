import type { DeliveryDetail } from '@contract';
import type { ReactNode } from 'react';
import { Isolated } from '../../../components/Isolated';
import { formatBytes, formatFullTime, pathWithQuery } from '../format';
import { ProblemBadge } from '../ProblemBadge';
import { problemText } from '../problems';
import { StatusCode } from '../StatusCode';

const orNone = (value: string | number | null | undefined): ReactNode =>
  value === null || value === undefined || value === '' ? <span className="muted">—</span> : String(value);

/** Joins parts with a middle dot, skipping the absent ones. */
function dotted(parts: ReadonlyArray<ReactNode | null>): ReactNode[] {
  return parts
    .filter((part) => part !== null)
    .flatMap((part, index) => (index === 0 ? [part] : [' · ', part]));
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="field">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

export function SummaryTab({ delivery }: { delivery: DeliveryDetail }) {
  const { summary } = delivery;
  const user = summary.user;
  const chat = summary.chat;

  return (
    <dl className="fields" data-testid="detail-summary">
      <Field label="Platform">{summary.platform}</Field>
      <Field label="Kind">{summary.kind}</Field>
      <Field label="Update id">{orNone(summary.updateId)}</Field>
      <Field label="User">
        {user === null
          ? orNone(null)
          : dotted([
              user.name === null ? null : <Isolated key="name" text={user.name} />,
              user.username === null ? null : <Isolated key="username" text={`@${user.username}`} />,
              `id ${user.id}`,
              user.language === null ? null : <Isolated key="language" text={`lang ${user.language}`} />,
            ])}
      </Field>
      <Field label="Chat">
        {chat === null
          ? orNone(null)
          : dotted([`id ${chat.id}`, chat.type === null ? null : <Isolated key="type" text={chat.type} />])}
      </Field>
      <Field label="Text">
        {summary.text === null ? orNone(null) : <Isolated className="pre-wrap" text={summary.text} />}
      </Field>
      <Field label="Inbox">
        <Isolated text={delivery.inbox} />
      </Field>
      <Field label="Method">
        <Isolated text={delivery.method} />
      </Field>
      <Field label="Path">
        <code>
          <Isolated text={pathWithQuery(delivery.path, delivery.query)} />
        </code>
      </Field>
      <Field label="Received">{formatFullTime(delivery.receivedAt)}</Field>
      <Field label="From">{orNone(delivery.remoteAddress)}</Field>
      <Field label="Body size">
        {`${formatBytes(delivery.bodySize)}${delivery.bodySize >= 1024 ? ` (${delivery.bodySize} bytes)` : ''}`}
      </Field>
      <Field label="Answered">
        <StatusCode status={delivery.responseStatus} />
      </Field>
      <Field label="Problem">
        {delivery.problem === null ? (
          <span className="muted">none</span>
        ) : (
          <span className="problem-line">
            <ProblemBadge problem={delivery.problem} /> {problemText(delivery.problem).explanation}
          </span>
        )}
      </Field>
    </dl>
  );
}
