import type { DeliveryListItem } from '@contract';
import { type ChangeEvent, type MouseEvent, memo } from 'react';
import { Marked } from '../../components/highlight/HighlightContext';
import { userLabel } from './format';
import { ProblemBadge } from './ProblemBadge';
import { formatRowTime, rowTimeTitle } from './rowTime';
import { StatusCode } from './StatusCode';

export const ROW_HEIGHT = 32;

export const rowDomId = (id: number) => `delivery-row-${id}`;

interface DeliveryRowProps {
  item: DeliveryListItem;
  index: number;
  top: number;
  /** Open in the detail pane. */
  open: boolean;
  onOpen: (id: number) => void;
  /** Ticked for a bulk action (replay, export); independent of `open`. */
  ticked: boolean;
  /** `range`: a shift-click, extending from the row ticked last. */
  onTick: (id: number, range: boolean) => void;
  /** The search's words, marked in the text; the same array while the search stays. */
  terms: readonly string[];
}

// The checkbox must not also open the row: its click stops at the cell.
const stopClick = (event: MouseEvent) => event.stopPropagation();
// The box takes no focus (see the label below); the keyboard goes to the list, as a click on a row does.
const keepFocus = (event: MouseEvent<HTMLElement>) => {
  event.preventDefault();
  event.currentTarget.closest<HTMLElement>('[role="grid"]')?.focus();
};

/**
 * Items never change once received, so a row re-renders only when it moves, opens or closes, its
 * tick flips, or (the list keys rows by place) another delivery takes its place.
 */
export const DeliveryRow = memo(function DeliveryRow({
  item,
  index,
  top,
  open,
  onOpen,
  ticked,
  onTick,
  terms,
}: DeliveryRowProps) {
  const { summary } = item;
  const onRowClick = (event: MouseEvent) => {
    // Ctrl/cmd-click ticks, as in a file manager; shift-click ticks a range. A plain click opens.
    if (event.ctrlKey || event.metaKey) onTick(item.id, false);
    else if (event.shiftKey) onTick(item.id, true);
    else onOpen(item.id);
  };
  // React's onChange for a checkbox is fired by the click itself, so the native event knows about shift.
  const onBoxChange = (event: ChangeEvent<HTMLInputElement>) =>
    onTick(item.id, (event.nativeEvent as Partial<globalThis.MouseEvent>).shiftKey === true);
  const user = userLabel(summary.user);
  const fallback = summary.kind === 'unknown' ? `${item.method} ${item.path}` : summary.kind;
  return (
    // A row of the virtualized grid in DeliveryList: a div, not a <tr>, and never focused itself;
    // the grid keeps focus (aria-activedescendant) and its onKeyDown is the keyboard way to open a row.
    // biome-ignore lint/a11y/useSemanticElements lint/a11y/useFocusableInteractive lint/a11y/useKeyWithClickEvents: see above
    <div
      role="row"
      id={rowDomId(item.id)}
      className={`row delivery-row${open ? ' selected' : ''}${ticked ? ' checked' : ''}`}
      data-testid="delivery-row"
      data-delivery-id={item.id}
      data-problem={item.problem ?? undefined}
      aria-selected={open}
      aria-rowindex={index + 2}
      style={{ transform: `translateY(${top}px)` }}
      onClick={onRowClick}
    >
      {/* biome-ignore-start lint/a11y/useSemanticElements lint/a11y/useFocusableInteractive: cells of the virtualized grid, focus stays on the grid */}
      {/* biome-ignore lint/a11y/useKeyWithClickEvents: the click only stops at the cell; the checkbox inside takes keys, and Space on the grid ticks the open row */}
      <span role="gridcell" className="cell cell-check" onClick={stopClick}>
        {/* Out of the tab order: forty checkboxes would bury the grid; Space on the grid ticks the open row. */}
        {/* The label fills the cell: the whole column is the checkbox's hit area. A click ticks */}
        {/* and puts focus on the list, not the box: rows at the top are reused by place, so a */}
        {/* focused box would soon belong to whichever delivery arrived there, and Space tick that one. */}
        <label className="check-hit" onMouseDown={keepFocus}>
          <input
            type="checkbox"
            data-testid="row-select"
            tabIndex={-1}
            checked={ticked}
            aria-label={`Select delivery #${item.id}`}
            onChange={onBoxChange}
          />
        </label>
      </span>
      {/* Rows are memoized and outlive the minute: "3 min ago" is worked out again on each hover. */}
      <span
        role="gridcell"
        className="cell cell-time"
        title={rowTimeTitle(item.receivedAt)}
        onMouseEnter={(event) => {
          event.currentTarget.title = rowTimeTitle(item.receivedAt);
        }}
      >
        {formatRowTime(item.receivedAt)}
      </span>
      {/* Names and text come from outside: each in a <bdi>, so a right-to-left override stays in its field. */}
      <span role="gridcell" className="cell cell-inbox" title={item.inbox}>
        <bdi>{item.inbox}</bdi>
      </span>
      <span role="gridcell" className="cell cell-status">
        <StatusCode status={item.responseStatus} />
      </span>
      <span role="gridcell" className="cell cell-user" title={user}>
        <bdi>{user}</bdi>
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
          <bdi className="row-text" data-testid="row-text">
            <Marked text={summary.text} terms={terms} />
          </bdi>
        ) : (
          <bdi className="row-text muted">
            <Marked text={fallback} terms={terms} />
          </bdi>
        )}
      </span>
      {/* biome-ignore-end lint/a11y/useSemanticElements lint/a11y/useFocusableInteractive: cells of the virtualized grid, focus stays on the grid */}
    </div>
  );
});
