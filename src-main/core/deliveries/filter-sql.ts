import type { DeliveryFilter } from '@contract';

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
  return words.map((w, i) => `"${w.replaceAll('"', '""')}"${i === words.length - 1 ? '*' : ''}`).join(' ');
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
export const idVariants = (id: string): [number | string, string] => [
  /^-?\d{1,15}$/.test(id) ? Number(id) : id,
  id,
];

export function filterSql(
  filter: DeliveryFilter & { before?: number | undefined; after?: number | undefined },
): FilterSql {
  const clauses: string[] = [];
  const params: unknown[] = [];
  const add = (clause: string, ...values: unknown[]) => {
    clauses.push(clause);
    params.push(...values);
  };
  if (filter.inbox !== undefined) add('inbox = ?', filter.inbox);
  const fts = filter.query ? ftsQuery(filter.query) : null;
  if (fts !== null) add('id IN (SELECT rowid FROM deliveries_fts WHERE deliveries_fts MATCH ?)', fts);
  if (filter.kind !== undefined) add('kind = ?', filter.kind);
  if (filter.platform !== undefined) add('platform = ?', filter.platform);
  if (typeof filter.status === 'number') add('response_status = ?', filter.status);
  else if (filter.status !== undefined)
    add('response_status BETWEEN ? AND ?', ...(STATUS_CLASS[filter.status] ?? [0, 0]));
  if (filter.problem === 'none') add('problem IS NULL');
  else if (filter.problem === 'any') add('problem IS NOT NULL');
  else if (filter.problem !== undefined) add('problem = ?', filter.problem);
  if (filter.userId !== undefined) add('user_id IN (?, ?)', ...idVariants(filter.userId));
  if (filter.chatId !== undefined) add('chat_id IN (?, ?)', ...idVariants(filter.chatId));
  if (filter.from !== undefined) add('received_at >= ?', Date.parse(filter.from));
  if (filter.to !== undefined) add('received_at <= ?', Date.parse(filter.to));
  if (filter.before !== undefined) add('id < ?', filter.before);
  if (filter.after !== undefined) add('id > ?', filter.after);
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
