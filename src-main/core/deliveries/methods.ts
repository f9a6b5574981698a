import { ContractError, type Service } from '@contract';
import type { DeliveryStore } from './store';
import { toDetail } from './to-contract';

/** The delivery list (a page of a search) and one delivery in full. */
export function deliveriesMethods(
  deliveries: DeliveryStore,
): Pick<Service, 'deliveries.list' | 'deliveries.get'> {
  return {
    'deliveries.list': (input) => deliveries.search(input),

    'deliveries.get': async ({ id }) => {
      const row = await deliveries.get(id);
      if (!row) throw new ContractError('not-found', `There is no delivery #${id}.`);
      return toDetail(row);
    },
  };
}
