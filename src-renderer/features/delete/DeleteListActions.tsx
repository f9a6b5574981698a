import { ConfirmButton } from '../../components/ConfirmButton';
import { useAllowed } from '../../shared/access';
import { useDeliveries, useSelection } from '../deliveries/context';
import { isNarrowed, sameFilter } from '../deliveries/filter';
import { formatCount } from '../deliveries/format';
import { tickedIds } from '../deliveries/ticked';
import { useDelete } from './context';
import { DeleteNotice } from './DeleteNotice';

const deliveries = (n: number) => `${formatCount(n)} ${n === 1 ? 'delivery' : 'deliveries'}`;

/**
 * The list header's delete buttons: the ticked rows, or everything the search,
 * filters and inbox match — counted by the server first (loaded or not), and
 * the count is what the confirm names.
 */
export function DeleteListActions() {
  const ticked = useSelection((state) => state.ticked);
  const filter = useDeliveries((state) => state.filter);
  const firstPage = useDeliveries((state) => state.firstPage);
  const total = useDeliveries((state) => state.total);
  const clearTicked = useSelection((state) => state.clearTicked);
  const busy = useDelete((state) => state.busy);
  const counting = useDelete((state) => state.counting);
  const counted = useDelete((state) => state.dryRun);
  const deleteIds = useDelete((state) => state.deleteIds);
  const countMatching = useDelete((state) => state.countMatching);
  const deleteMatching = useDelete((state) => state.deleteMatching);
  const cancelDryRun = useDelete((state) => state.cancelDryRun);
  const canDelete = useAllowed('deliveries.deleteMatching');
  // A count made under another filter says nothing about this one: the button is offered again.
  const dryRun = counted !== null && sameFilter(counted.filter, filter) ? counted : null;
  const scope = isNarrowed(filter)
    ? 'matching'
    : filter.inbox === undefined
      ? 'in all inboxes'
      : `in ${filter.inbox}`;

  return (
    <>
      {ticked.size > 0 && (
        <ConfirmButton
          label="Delete selected"
          question={`Delete ${deliveries(ticked.size)}?`}
          testId="delete-selected"
          disabled={!canDelete.allowed || busy}
          title={canDelete.reason}
          onConfirm={() => {
            const ids = tickedIds(ticked);
            void deleteIds(ids).then((done) => done && clearTicked());
          }}
        />
      )}
      {dryRun === null ? (
        <button
          type="button"
          className="button"
          data-testid="delete-matching"
          disabled={!canDelete.allowed || busy || counting || firstPage !== 'ready' || total === 0}
          title={
            canDelete.reason ?? 'Delete every delivery the search, filters and inbox match, loaded or not'
          }
          onClick={() => void countMatching(filter)}
        >
          {counting ? 'Counting…' : 'Delete all matching…'}
        </button>
      ) : (
        <>
          <span data-testid="delete-matching-question">
            {dryRun.count === 0
              ? 'Nothing matches any more.'
              : `Delete ${deliveries(dryRun.count)} ${scope}? This cannot be undone.`}
          </span>
          {dryRun.count > 0 && (
            <button
              type="button"
              className="button danger"
              data-testid="delete-matching-confirm"
              disabled={busy}
              onClick={() => void deleteMatching()}
            >
              Delete {formatCount(dryRun.count)}
            </button>
          )}
          <button
            type="button"
            className="button"
            data-testid="delete-matching-cancel"
            onClick={cancelDryRun}
          >
            Keep
          </button>
        </>
      )}
      <DeleteNotice />
    </>
  );
}
