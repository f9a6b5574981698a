import type { DeliveryDetail } from '@contract';
import { CopyButton } from '../../../components/CopyButton';
import { Isolated } from '../../../components/Isolated';
import { pathWithQuery } from '../format';
import { ProblemBadge } from '../ProblemBadge';

/**
 * "#8 GET /path…": the id and method never wrap (a long signed-link path used to squeeze them
 * to one letter a line); the path takes what room is left, cut with an ellipsis, whole on hover
 * and in the copy button beside it.
 */
export function DetailTitle({ delivery }: { delivery: DeliveryDetail }) {
  const path = pathWithQuery(delivery.path, delivery.query);
  return (
    <h2 className="detail-title">
      <span className="detail-id" data-testid="detail-id">
        #{delivery.id} <span className="muted">{delivery.method}</span>
      </span>
      <code className="detail-path" data-testid="detail-path" title={path}>
        <Isolated text={path} />
      </code>
      <CopyButton text={path} label="Copy path" testId="copy-path" small />
      {delivery.problem !== null && <ProblemBadge problem={delivery.problem} />}
    </h2>
  );
}
