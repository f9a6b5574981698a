import type { DeliveryDetail } from '@contract';
import { ConfirmButton } from '../../components/ConfirmButton';
import { useAllowed } from '../../shared/access';
import { useDelete } from './context';

/** The detail pane's Delete: this one delivery, after a confirm naming it. */
export function DeleteDeliveryButton({ delivery }: { delivery: DeliveryDetail }) {
  const busy = useDelete((state) => state.busy);
  const deleteIds = useDelete((state) => state.deleteIds);
  const canDelete = useAllowed('deliveries.delete');
  return (
    <ConfirmButton
      label="Delete"
      question={`Delete delivery #${delivery.id}?`}
      testId="delete-delivery"
      disabled={!canDelete.allowed || busy}
      title={canDelete.reason ?? 'Delete this delivery, its replays and its search entry'}
      onConfirm={() => void deleteIds([delivery.id])}
    />
  );
}
