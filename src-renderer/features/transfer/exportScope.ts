import type { DeliveryFilter, ExportInput, TransferFormat } from '@contract';
import { checkedIds } from '../deliveries/checked';

export type ExportScope = 'selection' | 'filter' | 'all';

export interface ExportContext {
  checked: ReadonlySet<number>;
  filter: DeliveryFilter;
}

/** The scopes that mean something now: no "selection" without ticked rows, no "filter" without one. */
export function availableScopes({ checked, filter }: ExportContext): ExportScope[] {
  const scopes: ExportScope[] = [];
  if (checked.size > 0) scopes.push('selection');
  if (Object.keys(filter).length > 0) scopes.push('filter');
  scopes.push('all');
  return scopes;
}

export function exportInput(
  format: TransferFormat,
  scope: ExportScope,
  { checked, filter }: ExportContext,
): ExportInput {
  if (scope === 'selection') return { format, deliveryIds: checkedIds(checked) };
  if (scope === 'filter') return { format, filter };
  return { format };
}
