import type { DeliveryListItem } from '@contract';
import { describeError } from '../../describe-error';
import type { EventHub } from '../../events';
import type { Stores } from '../stores';
import { CHANGES_CHANNEL, type Change, parseChange } from './changes';
import type { Sql } from './connect';

/**
 * After a reconnect, deliveries are looked for this far below the highest id
 * seen: ids are taken when a row is inserted, not when it commits, so a
 * replica's batch can commit with ids below one already relayed.
 */
const LOOKBACK_IDS = 2000;
/** At most this many missed deliveries are pushed after a reconnect; the UI pages the rest. */
const CATCH_UP_MAX = 5000;
/** Ids already pushed to this replica's clients, so none is pushed twice. */
const REMEMBERED_IDS = 50_000;

export interface RelayDeps {
  sql: Sql;
  /** This replica: its own notices are skipped (it acted on the change already). */
  origin: string;
  stores: Stores;
  events: EventHub;
  log: (message: string) => void;
}

/**
 * Makes many replicas one inspector for their UI clients: what another
 * replica commits (deliveries, inboxes, settings, commands, revocations) arrives as a
 * NOTIFY, and this replica reloads what it caches and pushes the change to
 * its own clients. A dropped LISTEN connection loses notices, so every
 * reconnect catches up by id and reloads the caches.
 */
export class ChangeRelay {
  private highWater = 0;
  /** The newest id when this replica started: its clients read what lies below from the list itself. */
  private floor = 0;
  private readonly pushed = new Set<number>();
  private readonly peopleListeners = new Set<() => void>();
  private listening: { unlisten(): Promise<void> } | null = null;
  private connectedBefore = false;
  private stopped = false;

  constructor(private readonly deps: RelayDeps) {}

  async start(): Promise<void> {
    this.highWater = await this.deps.stores.deliveries.lastId();
    this.floor = this.highWater;
    this.listening = await this.deps.sql.listen(
      CHANGES_CHANNEL,
      (payload) => {
        const change = parseChange(payload);
        if (change === null || change.origin === this.deps.origin) return;
        this.apply(change).catch((error: unknown) =>
          this.deps.log(`relay: a change from another replica was not applied: ${describeError(error)}`),
        );
      },
      () => {
        // Called on every (re)connect of the LISTEN connection: after the first, notices may have been lost.
        if (this.connectedBefore) {
          this.catchUp().catch((error: unknown) =>
            this.deps.log(`relay: could not catch up after a reconnect: ${describeError(error)}`),
          );
        }
        this.connectedBefore = true;
      },
    );
  }

  /**
   * Called when another replica (or the command line) revoked someone, and
   * after a reconnect (a notice may have been lost): the listener checks its
   * open sessions against the database.
   */
  onPeopleChanged(listener: () => void): () => void {
    this.peopleListeners.add(listener);
    return () => this.peopleListeners.delete(listener);
  }

  /** Deliveries this replica committed and pushed itself. */
  committed(items: readonly DeliveryListItem[]): void {
    for (const item of items) this.remember(item.id);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.listening?.unlisten().catch(() => undefined);
  }

  private async apply(change: Change): Promise<void> {
    if (this.stopped) return;
    const { stores, events } = this.deps;
    switch (change.topic) {
      case 'deliveries':
        await this.push(change.ids ?? []);
        break;
      case 'deleted':
        if (change.ids && change.ids.length > 0) events.emit('deliveries.deleted', { ids: change.ids });
        break;
      case 'inboxes':
        await stores.inboxes.reload();
        events.emit('inboxes.changed', {});
        break;
      case 'settings':
        await stores.inboxSettings.reload();
        break;
      case 'commands':
        events.emit('commands.changed', {});
        break;
      case 'profiles':
        // Profiles are read from the database on every use: nothing is cached to reload.
        break;
      case 'people':
        this.peopleChanged();
        break;
    }
  }

  private peopleChanged(): void {
    for (const listener of this.peopleListeners) {
      try {
        listener();
      } catch (error) {
        this.deps.log(`relay: a listener for revoked people failed: ${describeError(error)}`);
      }
    }
  }

  private async push(ids: readonly number[]): Promise<void> {
    const fresh = ids.filter((id) => !this.pushed.has(id));
    if (fresh.length === 0) return;
    const items = await this.deps.stores.deliveries.listByIds(fresh);
    const unseen = items.filter((item) => !this.pushed.has(item.id));
    if (unseen.length === 0 || this.stopped) return;
    for (const item of unseen) this.remember(item.id);
    this.deps.events.emit('delivery.added', { items: unseen });
  }

  private async catchUp(): Promise<void> {
    const { stores, events } = this.deps;
    this.peopleChanged();
    await Promise.all([stores.inboxes.reload(), stores.inboxSettings.reload()]);
    events.emit('inboxes.changed', {});
    const missed: DeliveryListItem[] = [];
    let before: number | undefined;
    const after = Math.max(this.floor, this.highWater - LOOKBACK_IDS);
    while (missed.length < CATCH_UP_MAX) {
      const page = await stores.deliveries.search({ after, before, limit: 1000 });
      missed.push(...page.items.filter((item) => !this.pushed.has(item.id)));
      if (page.items.length < 1000) break;
      before = page.items.at(-1)?.id;
    }
    if (missed.length === 0 || this.stopped) return;
    missed.sort((a, b) => a.id - b.id);
    for (const item of missed) this.remember(item.id);
    events.emit('delivery.added', { items: missed });
  }

  private remember(id: number): void {
    this.pushed.add(id);
    if (id > this.highWater) this.highWater = id;
    // A Set iterates in insertion order: the oldest ids go first.
    if (this.pushed.size > REMEMBERED_IDS) {
      for (const old of this.pushed) {
        this.pushed.delete(old);
        if (this.pushed.size <= REMEMBERED_IDS) break;
      }
    }
  }
}
