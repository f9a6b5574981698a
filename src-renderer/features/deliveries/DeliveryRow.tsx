import type { DeliveryListItem } from '@contract';
import { memo } from 'react';
import { formatFullTime, formatTime, userLabel } from './format';
import { ProblemBadge } from './ProblemBadge';
import { StatusCode } from './StatusCode';

export const ROW_HEIGHT = 32;

export const rowDomId = (id: number) => `delivery-row-${id}`;

interface DeliveryRowProps {
  item: DeliveryListItem;
  index: number;
  top: number;
  selected: boolean;
  onSelect: (id: number) => void;
}

/** Items never change once received, so a row re-renders only when it moves or its selection flips. */
export const DeliveryRow = memo(function DeliveryRow({
  item,
  index,
  top,
  selected,
  onSelect,
}: DeliveryRowProps) {
  const { summary } = item;
  const user = userLabel(summary.user);
  const fallback = summary.kind === 'unknown' ? `${item.method} ${item.path}` : summary.kind;
  return (
    // A row of the virtualized grid in DeliveryList: a div, not a <tr>, and never focused itself;
    // the grid keeps focus (aria-activedescendant) and its onKeyDown is the keyboard way to select.
    // biome-ignore lint/a11y/useSemanticElements lint/a11y/useFocusableInteractive lint/a11y/useKeyWithClickEvents: see above
    <div
      role="row"
      id={rowDomId(item.id)}
      className={selected ? 'row delivery-row selected' : 'row delivery-row'}
      data-testid="delivery-row"
      data-delivery-id={item.id}
      data-problem={item.problem ?? undefined}
      aria-selected={selected}
      aria-rowindex={index + 2}
      style={{ transform: `translateY(${top}px)` }}
      onClick={() => onSelect(item.id)}
    >
      {/* biome-ignore-start lint/a11y/useSemanticElements lint/a11y/useFocusableInteractive: cells of the virtualized grid, focus stays on the grid */}
      <span role="gridcell" className="cell cell-time" title={formatFullTime(item.receivedAt)}>
        {formatTime(item.receivedAt)}
      </span>
      <span role="gridcell" className="cell cell-inbox" title={item.inbox}>
        {item.inbox}
      </span>
      <span role="gridcell" className="cell cell-status">
        <StatusCode status={item.responseStatus} />
      </span>
      <span role="gridcell" className="cell cell-user" title={user}>
        {user}
      </span>
      <span role="gridcell" className="cell cell-text">
        {item.problem !== null && <ProblemBadge problem={item.problem} />}
        {summary.platform === 'signed-link' && (
          <span
            className="badge link-badge"
            data-testid="link-badge"
            title="A signed per-user link was opened; the text is the command it names"
          >
            link
          </span>
        )}
        {summary.text !== null ? (
          <span className="row-text">{summary.text}</span>
        ) : (
          <span className="row-text muted">{fallback}</span>
        )}
      </span>
      {/* biome-ignore-end lint/a11y/useSemanticElements lint/a11y/useFocusableInteractive: cells of the virtualized grid, focus stays on the grid */}
    </div>
  );
});
