import { ContractError, type Inbox, type Service } from '@contract';
import type { DeliveryStore } from '../deliveries/store';
import type { EventHub } from '../events';
import type { InboxRow, InboxStore } from './store';

export interface InboxesDeps {
  inboxes: InboxStore;
  deliveries: DeliveryStore;
  events: EventHub;
  /** The receiver as platforms reach it: an inbox's URL starts with it. */
  receiverUrl: string;
  /** The inbox at `/webhook` itself. */
  defaultInbox: string;
}

/** The inboxes deliveries arrive in, each with its count and its webhook URL. */
export function inboxesMethods({
  inboxes,
  deliveries,
  events,
  receiverUrl,
  defaultInbox,
}: InboxesDeps): Pick<Service, 'inboxes.list' | 'inboxes.create'> {
  const toInbox = async (row: InboxRow): Promise<Inbox> => ({
    name: row.name,
    createdAt: new Date(row.createdAt).toISOString(),
    deliveryCount: await deliveries.count(row.name),
    url: row.name === defaultInbox ? `${receiverUrl}/webhook` : `${receiverUrl}/webhook/${row.name}`,
  });

  return {
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
