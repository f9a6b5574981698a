import type { DeliveryDetail } from '@contract';
import type { ReactNode } from 'react';
import { formatBytes, formatFullTime, pathWithQuery } from '../format';
import { ProblemBadge } from '../ProblemBadge';
import { PROBLEMS } from '../problems';
import { StatusCode } from '../StatusCode';

const orNone = (value: string | number | null | undefined): ReactNode =>
  value === null || value === undefined || value === '' ? <span className="muted">—</span> : String(value);

export function SummaryTab({ delivery }: { delivery: DeliveryDetail }) {
  const { summary } = delivery;
  const user = summary.user;
  const chat = summary.chat;
  const fields: Array<[string, ReactNode]> = [
    ['Platform', summary.platform],
    ['Kind', summary.kind],
    ['Update id', orNone(summary.updateId)],
    [
      'User',
      user === null
        ? orNone(null)
        : [
            user.name,
            user.username === null ? null : `@${user.username}`,
            `id ${user.id}`,
            user.language === null ? null : `lang ${user.language}`,
          ]
            .filter((part) => part !== null)
            .join(' · '),
    ],
    ['Chat', chat === null ? orNone(null) : `id ${chat.id}${chat.type === null ? '' : ` · ${chat.type}`}`],
    ['Text', summary.text === null ? orNone(null) : <span className="pre-wrap">{summary.text}</span>],
    ['Inbox', delivery.inbox],
    ['Method', delivery.method],
    ['Path', <code key="path">{pathWithQuery(delivery.path, delivery.query)}</code>],
    ['Received', formatFullTime(delivery.receivedAt)],
    ['From', orNone(delivery.remoteAddress)],
    [
      'Body size',
      `${formatBytes(delivery.bodySize)}${delivery.bodySize >= 1024 ? ` (${delivery.bodySize} bytes)` : ''}`,
    ],
    ['Answered', <StatusCode key="status" status={delivery.responseStatus} />],
    [
      'Problem',
      delivery.problem === null ? (
        <span className="muted">none</span>
      ) : (
        <span className="problem-line">
          <ProblemBadge problem={delivery.problem} /> {PROBLEMS[delivery.problem].explanation}
        </span>
      ),
    ],
  ];

  return (
    <dl className="fields" data-testid="detail-summary">
      {fields.map(([label, value]) => (
        <div className="field" key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
