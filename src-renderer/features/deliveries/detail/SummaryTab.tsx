import type { DeliveryDetail } from '@contract';
import type { ReactNode } from 'react';
import { DescriptionItem } from '../../../components/DescriptionItem';
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

export function SummaryTab({ delivery }: { delivery: DeliveryDetail }) {
  const { summary } = delivery;
  const user = summary.user;
  const chat = summary.chat;

  return (
    <dl className="fields" data-testid="detail-summary">
      <DescriptionItem label="Platform">{summary.platform}</DescriptionItem>
      <DescriptionItem label="Kind">{summary.kind}</DescriptionItem>
      <DescriptionItem label="Update id">{orNone(summary.updateId)}</DescriptionItem>
      <DescriptionItem label="User">
        {user === null
          ? orNone(null)
          : dotted([
              user.name === null ? null : <Isolated key="name" text={user.name} />,
              user.username === null ? null : <Isolated key="username" text={`@${user.username}`} />,
              `id ${user.id}`,
              user.language === null ? null : <Isolated key="language" text={`lang ${user.language}`} />,
            ])}
      </DescriptionItem>
      <DescriptionItem label="Chat">
        {chat === null
          ? orNone(null)
          : dotted([`id ${chat.id}`, chat.type === null ? null : <Isolated key="type" text={chat.type} />])}
      </DescriptionItem>
      <DescriptionItem label="Text">
        {summary.text === null ? orNone(null) : <Isolated className="pre-wrap" text={summary.text} />}
      </DescriptionItem>
      <DescriptionItem label="Inbox">
        <Isolated text={delivery.inbox} />
      </DescriptionItem>
      <DescriptionItem label="Method">
        <Isolated text={delivery.method} />
      </DescriptionItem>
      <DescriptionItem label="Path">
        <code>
          <Isolated text={pathWithQuery(delivery.path, delivery.query)} />
        </code>
      </DescriptionItem>
      <DescriptionItem label="Received">{formatFullTime(delivery.receivedAt)}</DescriptionItem>
      <DescriptionItem label="From">{orNone(delivery.remoteAddress)}</DescriptionItem>
      <DescriptionItem label="Body size">
        {`${formatBytes(delivery.bodySize)}${delivery.bodySize >= 1024 ? ` (${delivery.bodySize} bytes)` : ''}`}
      </DescriptionItem>
      <DescriptionItem label="Answered">
        <StatusCode status={delivery.responseStatus} />
      </DescriptionItem>
      <DescriptionItem label="Problem">
        {delivery.problem === null ? (
          <span className="muted">none</span>
        ) : (
          <span className="problem-line">
            <ProblemBadge problem={delivery.problem} /> {problemText(delivery.problem).explanation}
          </span>
        )}
      </DescriptionItem>
    </dl>
  );
}
