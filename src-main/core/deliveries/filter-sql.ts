import type { DeliveryFilter } from '@contract';
import { entityIdFromText } from './entity-id';
import { firstKeyOf, lastKeyOf } from './time-key';

export interface FilterSql {
  /** Identifies the statement's shape: statements are prepared once per shape. */
  shape: string;
  where: string;
  params: unknown[];
}

/**
 * A user's search words as an FTS5 query: every word must occur, quoted so
 * no character is read as FTS syntax, and the last one matches as a prefix
 * (results follow the typing).
 */
export function ftsQuery(text: string): string | null {
  const words = text.split(/\s+/).filter(Boolean);
  if (words.length === 0) return null;
  const all = words
    .map((w, i) => `"${w.replaceAll('"', '""')}"${i === words.length - 1 ? '*' : ''}`)
    .join(' ');
  // Only the text and the body: the facets column's tokens are not words.
  return `{text body} : (${all})`;
}

/** The status range a class names: both engines filter by it. */
export const STATUS_CLASS: Record<string, [number, number]> = {
  '2xx': [200, 299],
  '3xx': [300, 399],
  '4xx': [400, 499],
  '5xx': [500, 599],
};

/**
 * user_id and chat_id hold numbers or strings, as the platform sent them:
 * an id typed as text matches either spelling, the number first.
 */
export const idVariants = (id: string): [number | string, string] => [entityIdFromText(id), id];

/** Bounds on the id (arrival), not on the list's time order: see sqlite-cursor.ts for that. */
type Cursors = { before?: number | undefined; after?: number | undefined };

/**
 * The filter as SQL over `deliveries` (aliased `d`), all but the words:
 * those only the search index can answer. `facets: false` leaves out what
 * the index's facets column answers too, for a query that joins it.
 */
export function filterSql(filter: DeliveryFilter & Cursors, { facets = true } = {}): FilterSql {
  const clauses: string[] = [];
  const params: unknown[] = [];
  const add = (clause: string, ...values: unknown[]) => {
    clauses.push(clause);
    params.push(...values);
  };
  if (filter.inbox !== undefined) add('d.inbox = ?', filter.inbox);
  if (facets) {
    if (filter.kind !== undefined) add('d.kind = ?', filter.kind);
    if (filter.platform !== undefined) add('d.platform = ?', filter.platform);
    if (typeof filter.status === 'number') add('d.response_status = ?', filter.status);
    else if (filter.status !== undefined)
      add('d.response_status BETWEEN ? AND ?', ...(STATUS_CLASS[filter.status] ?? [0, 0]));
    if (filter.problem === 'none') add('d.problem IS NULL');
    else if (filter.problem === 'any') add('d.problem IS NOT NULL');
    else if (filter.problem !== undefined) add('d.problem = ?', filter.problem);
    if (filter.userId !== undefined) add('d.user_id IN (?, ?)', ...idVariants(filter.userId));
    if (filter.chatId !== undefined) add('d.chat_id IN (?, ?)', ...idVariants(filter.chatId));
  }
  // A time range is a range of the time-ordered key (its index walks it); the times themselves
  // stay exact where a key's millisecond is clamped (time-key.ts).
  if (filter.from !== undefined) {
    const from = Date.parse(filter.from);
    add('d.sort_key >= ? AND d.received_at >= ?', firstKeyOf(from), from);
  }
  if (filter.to !== undefined) {
    const to = Date.parse(filter.to);
    add('d.sort_key <= ? AND d.received_at <= ?', lastKeyOf(to), to);
  }
  if (filter.before !== undefined) add('d.id < ?', filter.before);
  if (filter.after !== undefined) add('d.id > ?', filter.after);
  return {
    shape: clauses.join(' AND '),
    where: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '',
    params,
  };
}

/** True when only the inbox (or nothing) narrows the list: counts come from memory then. */
export const isPlainFilter = (filter: DeliveryFilter): boolean =>
  Object.entries(filter).every(
    ([key, value]) => value === undefined || key === 'inbox' || (key === 'query' && !value),
  );
