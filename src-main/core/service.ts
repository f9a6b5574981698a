import { ContractError, type Inbox, type Service, type StoreStatus } from '@contract';
import type { DeliveryStore } from './deliveries/store';
import { toDetail } from './deliveries/to-contract';
import type { EventHub } from './events';
import type { InboxRow, InboxStore } from './inboxes/store';

export interface ServiceDeps {
  deliveries: DeliveryStore;
  inboxes: InboxStore;
  events: EventHub;
  status: () => StoreStatus;
  info: {
    version: string;
    receiverUrl: string;
    dataDir: string;
    maxBodyBytes: number;
    durability: 'full' | 'normal';
    defaultInbox: string;
  };
}

/** The deliveries and inboxes part of the contract, on core's repositories. */
export function createService({
  deliveries,
  inboxes,
  events,
  status,
  info,
}: ServiceDeps): Pick<
  Service,
  'app.info' | 'app.status' | 'deliveries.list' | 'deliveries.get' | 'inboxes.list' | 'inboxes.create'
> {
  const toInbox = async (row: InboxRow): Promise<Inbox> => ({
    name: row.name,
    createdAt: new Date(row.createdAt).toISOString(),
    deliveryCount: await deliveries.count(row.name),
    url:
      row.name === info.defaultInbox
        ? `${info.receiverUrl}/webhook`
        : `${info.receiverUrl}/webhook/${row.name}`,
  });

  return {
    'app.info': () => ({ ...info }),

    'app.status': () => status(),

    'deliveries.list': (input) => deliveries.search(input),

    'deliveries.get': async ({ id }) => {
      const row = await deliveries.get(id);
      if (!row) throw new ContractError('not-found', `There is no delivery #${id}.`);
      return toDetail(row);
    },

    'inboxes.list': async () => ({ items: await Promise.all((await inboxes.list()).map(toInbox)) }),

    'inboxes.create': async ({ name }) => {
      if (!(await inboxes.create(name)))
        throw new ContractError('conflict', `An inbox named "${name}" already exists.`);
      events.emit('inboxes.changed', {});
      const row = (await inboxes.list()).find((r) => r.name === name);
      if (!row) throw new ContractError('internal', `The inbox "${name}" was not saved.`);
      return toInbox(row);
    },
  };
}
