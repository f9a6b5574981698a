import { z } from 'zod';
import { DeliveryFilter } from './deliveries';
import { InboxName } from './inboxes';

/** The most ids one `deliveries.delete` may name: a selection, not a filter (which deletes in chunks). */
export const MAX_DELETE_IDS = 10_000;

export const DeleteDeliveriesInput = z
  .object({ deliveryIds: z.array(z.number().int().positive()).min(1).max(MAX_DELETE_IDS) })
  .strict();

/** The dry run before a delete by filter: what it would delete, counted exactly. */
export const CountMatchingInput = z.object({ filter: DeliveryFilter }).strict();
export const MatchingCount = z.object({
  count: z.number().int().nonnegative(),
  /**
   * The newest id counted. Passing it to `deliveries.deleteMatching` deletes
   * what was counted and no delivery that arrived after the confirm was shown.
   */
  upToId: z.number().int().nonnegative(),
});
export type MatchingCount = z.infer<typeof MatchingCount>;

export const DeleteMatchingInput = z
  .object({ filter: DeliveryFilter, upToId: z.number().int().nonnegative() })
  .strict();

export const InboxRef = z.object({ name: InboxName }).strict();

/** How many deliveries went. */
export const Deleted = z.object({ deleted: z.number().int().nonnegative() });
export type Deleted = z.infer<typeof Deleted>;

/** Deliveries that are gone (deleted here or on another replica): at most a chunk's worth per event. */
export const DeliveriesDeletedEvent = z.object({ ids: z.array(z.number().int()) });

/** The delete part of the method table: deliveries by id or filter, and whole inboxes. */
export const deleteMethodTable = {
  /** A delivery, or the ticked rows: their search rows, invocations and replays go with them. */
  'deliveries.delete': { input: DeleteDeliveriesInput, output: Deleted },
  /** The dry run a delete by filter shows before it is confirmed. */
  'deliveries.countMatching': { input: CountMatchingInput, output: MatchingCount },
  /** Everything the filter matches up to the counted id, deleted in chunks; `deliveries.deleted` events follow. */
  'deliveries.deleteMatching': { input: DeleteMatchingInput, output: Deleted },
  /** Deletes every delivery of an inbox and keeps the inbox (the default inbox can only be cleared). */
  'inboxes.clear': { input: InboxRef, output: Deleted },
  /** Deletes an inbox, its settings and its deliveries; refused for the default inbox. */
  'inboxes.delete': { input: InboxRef, output: Deleted },
};
