import { ContractError, type DeliveryFilter, type Service } from '@contract';
import type { DeliveryStore } from '../deliveries/store';
import type { EventHub } from '../events';
import type { InboxStore } from '../inboxes/store';
import type { InboxSettingsStore } from '../settings/store';

/**
 * Deleted per transaction, and named per `deliveries.deleted` event: a delete
 * of a million rows holds no more than this many ids at once, and the
 * receiver's group commits get the database between chunks.
 */
export const DELETE_CHUNK = 500;

/** Past every id: clearing an inbox takes what arrives while it runs too. */
const EVERY_ID = Number.MAX_SAFE_INTEGER;

type DeleteMethods = Pick<
  Service,
  | 'deliveries.delete'
  | 'deliveries.countMatching'
  | 'deliveries.deleteMatching'
  | 'inboxes.clear'
  | 'inboxes.delete'
>;

export interface DeleteDeps {
  deliveries: DeliveryStore;
  inboxes: InboxStore;
  settings: InboxSettingsStore;
  events: EventHub;
  defaultInbox: string;
  /** Bot profiles name the inbox their webhook feeds: one still in use is not deleted. */
  profiles?: { list(): Promise<Array<{ name: string; inbox: string }>> };
}

/** Deleting deliveries and inboxes, on either engine; live UIs drop what went (`deliveries.deleted`). */
export function deleteMethods({
  deliveries,
  inboxes,
  settings,
  events,
  defaultInbox,
  profiles,
}: DeleteDeps): DeleteMethods {
  const gone = (ids: number[]) => {
    if (ids.length > 0) events.emit('deliveries.deleted', { ids });
  };

  const deleteAll = async (filter: DeliveryFilter, upToId: number): Promise<number> => {
    let deleted = 0;
    for (;;) {
      const ids = await deliveries.deleteMatchingChunk(filter, upToId, DELETE_CHUNK);
      deleted += ids.length;
      gone(ids);
      if (ids.length < DELETE_CHUNK) break;
      // SQLite deletes synchronously: let requests in between chunks.
      await new Promise((resolve) => setImmediate(resolve));
    }
    // The inbox list shows counts.
    if (deleted > 0) events.emit('inboxes.changed', {});
    return deleted;
  };

  const mustExist = async (name: string) => {
    if (!(await inboxes.list()).some((row) => row.name === name))
      throw new ContractError('not-found', `There is no inbox "${name}".`);
  };

  return {
    'deliveries.delete': async ({ deliveryIds }) => {
      const ids: number[] = [];
      for (let i = 0; i < deliveryIds.length; i += DELETE_CHUNK) {
        const chunk = await deliveries.deleteIds(deliveryIds.slice(i, i + DELETE_CHUNK));
        gone(chunk);
        ids.push(...chunk);
      }
      if (ids.length === 0) {
        throw new ContractError(
          'not-found',
          deliveryIds.length === 1
            ? `There is no delivery #${deliveryIds[0]}.`
            : 'None of these deliveries is stored (any more).',
        );
      }
      events.emit('inboxes.changed', {});
      return { deleted: ids.length };
    },

    'deliveries.countMatching': async ({ filter }) => {
      const upToId = await deliveries.lastId();
      return { count: await deliveries.countMatching(filter, upToId), upToId };
    },

    'deliveries.deleteMatching': async ({ filter, upToId }) => ({
      deleted: await deleteAll(filter, upToId),
    }),

    'inboxes.clear': async ({ name }) => {
      await mustExist(name);
      return { deleted: await deleteAll({ inbox: name }, EVERY_ID) };
    },

    'inboxes.delete': async ({ name }) => {
      if (name === defaultInbox) {
        throw new ContractError(
          'bad-input',
          `The inbox "${name}" is where webhooks without an inbox land: it can be cleared, not deleted.`,
        );
      }
      // Its deliveries would keep coming, to an inbox that no longer exists.
      const feeding = (await profiles?.list())?.find((profile) => profile.inbox === name);
      if (feeding !== undefined) {
        throw new ContractError(
          'conflict',
          `The bot profile "${feeding.name}" feeds the inbox "${name}": point it at another inbox first.`,
        );
      }
      // The inbox goes first, so the receiver takes nothing more for it while its deliveries go.
      if (!(await inboxes.delete(name))) throw new ContractError('not-found', `There is no inbox "${name}".`);
      await settings.reload();
      events.emit('inboxes.changed', {});
      return { deleted: await deleteAll({ inbox: name }, EVERY_ID) };
    },
  };
}
