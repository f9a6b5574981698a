import type { DeliveryFilter, ListDeliveriesInput } from '@contract';

/** The filter's fields in one fixed order, so two equal filters serialize the same. */
const FIELDS = [
  'inbox',
  'query',
  'kind',
  'platform',
  'status',
  'problem',
  'userId',
  'chatId',
  'from',
  'to',
] as const satisfies ReadonlyArray<keyof DeliveryFilter>;

/**
 * The filter as the store keeps it and sends it: strings trimmed, empty and
 * undefined fields left out, so "no narrowing" is always `{}` and two filters
 * that ask for the same deliveries compare equal.
 */
export function normalizeFilter(filter: DeliveryFilter): DeliveryFilter {
  const out: Record<string, unknown> = {};
  for (const field of FIELDS) {
    const value = filter[field];
    if (value === undefined) continue;
    if (typeof value === 'string') {
      const trimmed = value.trim();
      if (trimmed !== '') out[field] = trimmed;
    } else {
      out[field] = value;
    }
  }
  return out as DeliveryFilter;
}

export const sameFilter = (a: DeliveryFilter, b: DeliveryFilter): boolean =>
  JSON.stringify(normalizeFilter(a)) === JSON.stringify(normalizeFilter(b));

/**
 * True when something beyond the inbox narrows the list. The client can check
 * an inbox by itself; anything else (full text above all) only the server can
 * evaluate, so live arrivals are then asked for rather than filtered locally.
 */
export const isNarrowed = (filter: DeliveryFilter): boolean =>
  FIELDS.some((field) => field !== 'inbox' && filter[field] !== undefined && filter[field] !== '');

/**
 * How the live list learns of new deliveries matching its filter.
 * - `push`: no filter, or only an inbox: the client judges each arrival
 *   itself and adds it (per frame).
 * - `catch-up`: a search or a filter only the server can evaluate: an
 *   arrival is only a signal, and the list asks the server for what matches
 *   past the largest id it knows.
 */
export type LiveMode = 'push' | 'catch-up';

export const liveModeOf = (filter: DeliveryFilter): LiveMode => (isNarrowed(filter) ? 'catch-up' : 'push');

/** What `deliveries.list` gets for a filter and a cursor; unset fields are left out, not sent as undefined. */
export function listInput(
  filter: DeliveryFilter,
  page: {
    limit: number;
    before?: number | undefined;
    beforeAt?: string | undefined;
    after?: number | undefined;
  },
): ListDeliveriesInput {
  return {
    limit: page.limit,
    ...normalizeFilter(filter),
    ...(page.before === undefined ? {} : { before: page.before }),
    ...(page.beforeAt === undefined ? {} : { beforeAt: page.beforeAt }),
    ...(page.after === undefined ? {} : { after: page.after }),
  };
}
