import type { DeliveryFilter, ExportInput, TransferFormat } from '@contract';
import { tickedIds } from '../deliveries/ticked';

export type ExportScope = 'selection' | 'filter' | 'all';

export interface ExportContext {
  /** The rows ticked in the list. */
  ticked: ReadonlySet<number>;
  filter: DeliveryFilter;
}

/** The scopes that mean something now: no "selection" without ticked rows, no "filter" without one. */
export function availableScopes({ ticked, filter }: ExportContext): ExportScope[] {
  const scopes: ExportScope[] = [];
  if (ticked.size > 0) scopes.push('selection');
  if (Object.keys(filter).length > 0) scopes.push('filter');
  scopes.push('all');
  return scopes;
}

export function exportInput(
  format: TransferFormat,
  scope: ExportScope,
  { ticked, filter }: ExportContext,
): ExportInput {
  if (scope === 'selection') return { format, deliveryIds: tickedIds(ticked) };
  if (scope === 'filter') return { format, filter };
  return { format };
}
