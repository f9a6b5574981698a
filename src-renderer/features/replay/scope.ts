import type { DeliveryDetail, DeliveryFilter, ReplayInput } from '@contract';
import { isNarrowed } from '../deliveries/filter';
import { formatCount } from '../deliveries/format';

/** What a replay dialog was opened for. */
export type ReplayScope =
  /** From the detail pane: the one delivery, whose body can be edited. */
  | { kind: 'one'; delivery: DeliveryDetail }
  /** The ticked rows, oldest first; `inbox` when the list shows one inbox. */
  | { kind: 'selection'; ids: readonly number[]; inbox?: string | undefined }
  /** Whatever the list's filter matches on the server, loaded or not. */
  | { kind: 'filter'; filter: DeliveryFilter; total: number };

export function scopeLabel(scope: ReplayScope): string {
  switch (scope.kind) {
    case 'one':
      return `delivery #${scope.delivery.id}`;
    case 'selection':
      return scope.ids.length === 1
        ? `delivery #${scope.ids[0]}`
        : `${formatCount(scope.ids.length)} selected deliveries`;
    case 'filter': {
      const where = scope.filter.inbox === undefined ? '' : ` in ${scope.filter.inbox}`;
      const which = isNarrowed(scope.filter) ? 'matching deliveries' : 'deliveries';
      return `all ${formatCount(scope.total)} ${which}${where}`;
    }
  }
}

/** The part of `replay.start`'s input that says which deliveries: ids, or the filter (never both). */
export function scopeInput(scope: ReplayScope): Pick<ReplayInput, 'deliveryIds' | 'filter'> {
  switch (scope.kind) {
    case 'one':
      return { deliveryIds: [scope.delivery.id] };
    case 'selection':
      return { deliveryIds: [...scope.ids] };
    case 'filter':
      return { filter: scope.filter };
  }
}

/**
 * The body as the editor starts it: the text exactly as it came, so what is
 * not edited keeps its original formatting, key order and number spelling
 * (re-serializing would change every byte and could round big ids). A
 * reason instead when there is nothing to edit.
 */
export function editableBody(delivery: DeliveryDetail): { text: string } | { reason: string } {
  const { body } = delivery;
  if (body.omitted)
    return { reason: 'The body was over the size limit and was not kept: nothing to replay.' };
  if (body.text === null) return { reason: 'The body is not UTF-8 text, so it cannot be edited here.' };
  return { text: body.text };
}
