import type { DeliveryFilter } from '@contract';
import { normalizeFilter } from '../deliveries/filter';
import { EMPTY_FORM, type FilterForm, formToFilter } from '../search/filterForm';

/**
 * Deep links live in the URL's hash, so the server needs no routes and the session token (kept
 * out of the address bar) never enters them:
 *
 *   #/d/123                    delivery 123
 *   #/?q=pizza&kind=message    the list with this search and these filters
 *   #/d/123?q=pizza            both
 */
export interface HashRoute {
  deliveryId: number | null;
  /** null: the link says nothing about the list (`#/d/123`), so the list keeps its filter. */
  filter: DeliveryFilter | null;
}

/** URL parameter ↔ filter field; short names, as people read and edit them. */
const PARAMS = [
  ['inbox', 'inbox'],
  ['q', 'query'],
  ['kind', 'kind'],
  ['platform', 'platform'],
  ['status', 'status'],
  ['problem', 'problem'],
  ['user', 'userId'],
  ['chat', 'chatId'],
  ['from', 'from'],
  ['to', 'to'],
] as const satisfies ReadonlyArray<readonly [string, keyof DeliveryFilter]>;

const ROUTE = /^#\/(?:d\/(\d{1,15}))?(?:\?(.*))?$/s;

/** The route a hash names, or null when it is not one of ours (an empty hash, anything else). */
export function parseHash(hash: string): HashRoute | null {
  const match = ROUTE.exec(hash);
  if (match === null) return null;
  const [, id, query] = match;
  const deliveryId = id === undefined ? null : Number(id);
  if (deliveryId !== null && deliveryId < 1) return null;
  return { deliveryId, filter: query === undefined ? null : parseFilter(new URLSearchParams(query)) };
}

/**
 * The filter a link's parameters ask for, checked as the search bar checks typed fields: a
 * field that is not valid is left out rather than sent (the list shows what it can).
 */
function parseFilter(params: URLSearchParams): DeliveryFilter {
  const form: FilterForm = { ...EMPTY_FORM };
  const formFields = ['query', 'kind', 'platform', 'status', 'problem', 'userId', 'chatId'] as const;
  for (const [param, field] of PARAMS) {
    const value = params.get(param);
    if (value !== null && (formFields as readonly string[]).includes(field)) {
      form[field as (typeof formFields)[number]] = value;
    }
  }
  const { filter, errors } = formToFilter(form, params.get('inbox'));
  for (const field of Object.keys(errors) as Array<keyof FilterForm>) {
    if (field !== 'from' && field !== 'to') delete (filter as Record<string, unknown>)[field];
  }
  // Times travel as ISO instants, the filter's own form.
  for (const field of ['from', 'to'] as const) {
    const value = params.get(field);
    if (value !== null && !Number.isNaN(Date.parse(value))) filter[field] = value;
  }
  return normalizeFilter(filter);
}

/** The hash for a route: `#/d/123?q=…`, `#/?q=…`, or `#/` for the plain list. */
export function formatHash(route: HashRoute): string {
  const params = new URLSearchParams();
  const filter = normalizeFilter(route.filter ?? {});
  for (const [param, field] of PARAMS) {
    const value = filter[field];
    if (value !== undefined) params.set(param, String(value));
  }
  const query = params.toString();
  const path = route.deliveryId === null ? '#/' : `#/d/${route.deliveryId}`;
  return query === '' ? path : `${path}?${query}`;
}

/** The page's address with a route: what "Copy link" copies. */
export function linkTo(
  route: HashRoute,
  location: Pick<Location, 'origin' | 'pathname' | 'search'> = window.location,
): string {
  return `${location.origin}${location.pathname}${location.search}${formatHash(route)}`;
}
