import { ConfirmButton } from '../../components/ConfirmButton';
import { useAllowed } from '../../shared/access';
import { formatCount } from '../deliveries/format';
import { useInboxes } from '../inboxes/context';
import { useDelete } from './context';
import { DeleteNotice } from './DeleteNotice';

interface InboxDeleteActionsProps {
  inbox: string;
  /** Where deliveries land without an inbox in their URL: it can be cleared, never deleted. */
  defaultInbox: string;
  /** After a clear (false) or a delete (true): the panel re-reads the storage line, and moves on from a deleted inbox. */
  onDone: (deleted: boolean) => void;
}

const deliveries = (n: number) => `${formatCount(n)} ${n === 1 ? 'delivery' : 'deliveries'}`;

/** Clearing an inbox, or deleting it with its deliveries; each confirm names how many go. */
export function InboxDeleteActions({ inbox, defaultInbox, onDone }: InboxDeleteActionsProps) {
  const count = useInboxes((state) => state.items.find((item) => item.name === inbox)?.deliveryCount ?? 0);
  const busy = useDelete((state) => state.busy);
  const clearInbox = useDelete((state) => state.clearInbox);
  const deleteInbox = useDelete((state) => state.deleteInbox);
  const canClear = useAllowed('inboxes.clear');
  const canDelete = useAllowed('inboxes.delete');
  const isDefault = inbox === defaultInbox;

  return (
    <div className="form-actions" data-testid="inbox-delete-actions">
      <ConfirmButton
        label="Clear inbox"
        question={`Delete all ${deliveries(count)} in ${inbox}? The inbox stays.`}
        testId="inbox-clear"
        disabled={!canClear.allowed || busy || count === 0}
        title={canClear.reason ?? (count === 0 ? 'The inbox is empty' : undefined)}
        onConfirm={() => void clearInbox(inbox).then((done) => done && onDone(false))}
      />
      <ConfirmButton
        label="Delete inbox"
        question={`Delete the inbox ${inbox} and its ${deliveries(count)}? Its URL then answers 404.`}
        testId="inbox-delete"
        disabled={!canDelete.allowed || busy || isDefault}
        title={
          isDefault ? 'Webhooks without an inbox land here: it can be cleared, not deleted' : canDelete.reason
        }
        onConfirm={() => void deleteInbox(inbox).then((done) => done && onDone(true))}
      />
      <DeleteNotice />
    </div>
  );
}
