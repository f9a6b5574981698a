import type { DeliveryListItem } from '@contract';
import type { NewDelivery } from '../deliveries/records';
import type { EventHub } from '../events';
import { GroupCommitter } from './group-commit';
import type { SharedState } from './shared-state';

export type DeliveryCommits = GroupCommitter<NewDelivery, DeliveryListItem>;

/**
 * Where the receiver (and capture) hand deliveries to the store: committed in
 * groups, each caller's promise settling once its delivery is durable, so the
 * platform is answered after the disk. A commit that fails because the store
 * is away marks it unhealthy; the next one that succeeds marks it back.
 */
export function deliveryCommits(shared: SharedState, events: EventHub): DeliveryCommits {
  const { stores, health } = shared;
  return new GroupCommitter(
    async (batch: NewDelivery[]) => {
      try {
        const items = await stores.deliveries.insertAll(batch);
        health.recovered();
        return items;
      } catch (error) {
        const reason = shared.unreachable(error);
        if (reason !== null) health.failed(reason);
        throw error;
      }
    },
    // After the answers: pushing to the UI must not delay the platform.
    (items) => {
      shared.committed(items);
      setImmediate(() => events.emit('delivery.added', { items }));
    },
    // The writer thread queues batches and commits what waits together: the next is parsed while the
    // disk syncs the last. PostgreSQL gets two, the next one's INSERT running while the last one
    // settles and commits (pg-store.ts keeps their commits in id order), its batches growing with
    // the round trip.
    { maxInFlight: stores.engine === 'sqlite' ? 4 : 2, eager: true },
  );
}
