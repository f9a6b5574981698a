import { useVirtualizer } from '@tanstack/react-virtual';
import {
  type KeyboardEvent,
  type ReactNode,
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
} from 'react';
import { ErrorBoundary } from '../../components/ErrorBoundary';
import { ErrorMessage } from '../../components/ErrorMessage';
import { searchTerms } from '../../components/highlight/searchTerms';
import { matches } from '../shortcuts/registry';
import { BrokenRow } from './BrokenRow';
import { useDeliveries, useSelection } from './context';
import { DeliveryRow, ROW_HEIGHT, rowDomId } from './DeliveryRow';
import { FollowToggle } from './FollowToggle';
import { isNarrowed } from './filter';
import { useFollow, useFollowStore } from './follow';
import { columnStyle, ListColumns, useColumnWidths } from './ListColumns';
import { ListHeader } from './ListHeader';
import { nextIndex } from './navigation';
import './deliveries.css';

/** Rows drawn beyond each edge of the view: enough for smooth scrolling, few enough that a redraw stays cheap. */
const OVERSCAN = 4;
/** Start reading the next older page while this many loaded rows are still below the view. */
const LOAD_AHEAD_ROWS = 50;

interface DeliveryListProps {
  /** Enter on the list: hand the keyboard to the detail pane. */
  onOpen: () => void;
  /** Shown in place of rows once the list is known to be empty (and no search or filter narrows it). */
  empty: ReactNode;
  /** Bulk actions for the list header (replay, export, import): other features', passed in by the app. */
  headerActions?: ReactNode;
  /**
   * The search bar above the list (the search feature's, passed in by the app,
   * so this feature does not import it); `focusList` hands the keyboard back.
   */
  renderSearch?: (focusList: () => void) => ReactNode;
}

export function DeliveryList({ onOpen, empty, headerActions, renderSearch }: DeliveryListProps) {
  const rows = useDeliveries((state) => state.rows);
  const version = useDeliveries((state) => state.version);
  const openId = useSelection((state) => state.openId);
  const firstPage = useDeliveries((state) => state.firstPage);
  const loadError = useDeliveries((state) => state.loadError);
  const open = useSelection((state) => state.open);
  const ticked = useSelection((state) => state.ticked);
  const toggleTicked = useSelection((state) => state.toggleTicked);
  const retry = useDeliveries((state) => state.retry);
  const loadOlder = useDeliveries((state) => state.loadOlder);
  const narrowed = useDeliveries((state) => isNarrowed(state.filter));
  const query = useDeliveries((state) => state.filter.query);
  const terms = useMemo(() => searchTerms(query), [query]);
  const count = rows.count;

  const columns = useColumnWidths();
  const follow = useFollowStore();
  const paused = useFollow((state) => state.paused);
  const gridRef = useRef<HTMLDivElement>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: OVERSCAN,
  });
  const virtualItems = virtualizer.getVirtualItems();

  // While the user reads further down, rows arriving on top must not push the
  // view away: remember the first visible row and keep it in place. At the very
  // top the list follows the newest deliveries instead, unless it is paused.
  const anchor = useRef<{ id: number; offset: number } | null>(null);
  const pausedRef = useRef(paused);
  pausedRef.current = paused;
  const rememberAnchor = useCallback(() => {
    const element = scrollRef.current;
    if (element === null) return;
    const index = Math.floor(element.scrollTop / ROW_HEIGHT);
    const item = element.scrollTop > 0 || pausedRef.current ? rows.at(index) : undefined;
    anchor.current =
      item === undefined ? null : { id: item.id, offset: element.scrollTop - index * ROW_HEIGHT };
  }, [rows]);

  // biome-ignore lint/correctness/useExhaustiveDependencies(version): `rows` is mutated in place; `version` changes with its contents.
  useLayoutEffect(() => {
    const element = scrollRef.current;
    const kept = anchor.current;
    if (element === null || kept === null) return;
    const index = rows.indexOf(kept.id);
    if (index < 0) {
      anchor.current = null;
      return;
    }
    const target = index * ROW_HEIGHT + kept.offset;
    if (Math.abs(element.scrollTop - target) >= 1) element.scrollTop = target;
  }, [rows, version]);

  // Paused: hold the rows in view where they are. Following again: back to the newest.
  useEffect(() => {
    if (paused) {
      rememberAnchor();
      return;
    }
    anchor.current = null;
    if (scrollRef.current !== null) scrollRef.current.scrollTop = 0;
  }, [paused, rememberAnchor]);

  const lastVisible = virtualItems.at(-1)?.index ?? -1;
  useEffect(() => {
    if (count > 0 && lastVisible >= count - 1 - LOAD_AHEAD_ROWS) loadOlder();
  }, [count, lastVisible, loadOlder]);

  const openIndex = openId === null ? -1 : rows.indexOf(openId);
  const openIndexRef = useRef(openIndex);
  openIndexRef.current = openIndex;
  // Bring a newly selected row into view (keys, or "First copy: #12"), but only
  // when the selection changes: rows arriving on top shift its index too, and
  // that must not pull the view back while the user scrolls elsewhere.
  useEffect(() => {
    if (openId !== null && openIndexRef.current >= 0) {
      virtualizer.scrollToIndex(openIndexRef.current, { align: 'auto' });
    }
  }, [openId, virtualizer]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    // Space ticks the open row: the keyboard's way to the checkboxes, which are out of the tab order.
    // A click on a checkbox leaves focus here (DeliveryRow), so Space always means the open row.
    if (matches('list.tick', event) && event.target === event.currentTarget) {
      event.preventDefault();
      if (openId !== null) toggleTicked(openId, event.shiftKey);
      return;
    }
    if (matches('list.follow', event)) {
      event.preventDefault();
      follow?.getState().toggle();
      return;
    }
    if (matches('list.open', event)) {
      event.preventDefault();
      const first = rows.at(0);
      if (openId === null && first !== undefined) open(first.id);
      if (openId !== null || first !== undefined) onOpen();
      return;
    }
    const pageRows = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 0) / ROW_HEIGHT) - 1);
    const index = nextIndex(event, openIndex, count, pageRows);
    if (index === null) return;
    event.preventDefault();
    const item = rows.at(index);
    if (item !== undefined) open(item.id);
  };

  const openRendered = openIndex >= 0 && virtualItems.some((item) => item.index === openIndex);
  // Following the newest at the very top, a burst replaces every row in view: rows keyed by
  // place rewrite their text instead of being built anew, which keeps a redraw short at
  // 1,000 deliveries a second (the UI bench). Paused or scrolled down, the rows in view
  // stay where they are while arrivals shift their places: keyed by delivery, the element
  // under the pointer keeps its delivery, so a click lands on the row it began on.
  const byPlace = !paused && (virtualizer.scrollOffset ?? 0) === 0;
  const showEmpty = firstPage === 'ready' && count === 0;

  return (
    <section className="list-pane" aria-label="Deliveries">
      {renderSearch?.(() => gridRef.current?.focus())}
      <ListHeader
        actions={
          <>
            {follow !== null && <FollowToggle store={follow} />}
            {headerActions}
          </>
        }
      />
      {loadError !== null && <ErrorMessage message={loadError.message} onRetry={retry} testId="list-error" />}
      {/*
        An ARIA grid of divs, not a <table>: the virtualizer positions rows
        absolutely inside a scroll container, which table layout cannot hold.
        Focus stays on the grid and aria-activedescendant points at the
        selected row, so rows and cells are never focused themselves: a row
        that held focus would take it away when scrolled out and unmounted.
      */}
      {/* biome-ignore lint/a11y/useSemanticElements: virtualized grid, see above */}
      <div
        ref={gridRef}
        className="list"
        role="grid"
        aria-label="Deliveries, newest first"
        aria-rowcount={count + 1}
        aria-activedescendant={openRendered && openId !== null ? rowDomId(openId) : undefined}
        data-testid="delivery-list"
        style={columnStyle(columns)}
        tabIndex={0}
        onKeyDown={onKeyDown}
      >
        <ListColumns widths={columns} />
        <div className="list-scroll" ref={scrollRef} onScroll={rememberAnchor}>
          {firstPage === 'loading' && count === 0 && <p className="list-note">Loading deliveries…</p>}
          {showEmpty &&
            (narrowed ? (
              <p className="list-note" data-testid="no-matches">
                No deliveries match this search and these filters.
              </p>
            ) : (
              empty
            ))}
          {/* biome-ignore lint/a11y/useSemanticElements: virtualized grid, see above */}
          <div className="list-rows" role="rowgroup" style={{ height: virtualizer.getTotalSize() }}>
            {virtualItems.map((virtualItem) => {
              const item = rows.at(virtualItem.index);
              if (item === undefined) return null;
              return (
                // See byPlace. Keyed by place, a row that could not render stays with its
                // delivery through `resetKey`.
                <ErrorBoundary
                  key={byPlace ? virtualItem.index : `id-${item.id}`}
                  resetKey={item.id}
                  fallback={() => (
                    <BrokenRow id={item.id} index={virtualItem.index} top={virtualItem.start} onOpen={open} />
                  )}
                >
                  <DeliveryRow
                    item={item}
                    index={virtualItem.index}
                    top={virtualItem.start}
                    open={item.id === openId}
                    onOpen={open}
                    ticked={ticked.has(item.id)}
                    onTick={toggleTicked}
                    terms={terms}
                  />
                </ErrorBoundary>
              );
            })}
          </div>
          <ListFooter />
        </div>
      </div>
    </section>
  );
}

function ListFooter() {
  const count = useDeliveries((state) => state.rows.count);
  const loadingOlder = useDeliveries((state) => state.loadingOlder);
  const olderError = useDeliveries((state) => state.olderError);
  const reachedEnd = useDeliveries((state) => state.reachedEnd);
  const retryOlder = useDeliveries((state) => state.retryOlder);

  if (olderError !== null) {
    return (
      <ErrorMessage message={`Older deliveries failed to load: ${olderError.message}`} onRetry={retryOlder} />
    );
  }
  if (loadingOlder) return <p className="list-note">Loading older deliveries…</p>;
  if (reachedEnd && count > 0) return <p className="list-note">That is the oldest delivery.</p>;
  return null;
}
