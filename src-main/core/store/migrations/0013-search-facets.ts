// The search index becomes the way every narrow filter finds its rows, and
// leaves the acknowledgement path.
//
// - Contentless (it kept a second copy of every text and body: half the file
//   at a million deliveries), rows deletable (`contentless_delete`).
// - A `facets` column holds a token per filterable value (kind, platform,
//   status and its class, problem, user, chat): FTS5 walks a token's rows
//   newest first and stops at the page, so a filter costs the same whether
//   it matches nothing or everything. B-tree indexes on these columns could
//   not (a rare value wants the index, a common one the table in id order),
//   and the user and chat indexes cost a random page write per delivery.
// - `search_progress` records how far the writer thread has indexed; rows
//   above it are filtered from the table directly until it catches up, and
//   the writer fills the new index from the table in the background.
export const sql = `
DROP INDEX IF EXISTS deliveries_by_user;
DROP INDEX IF EXISTS deliveries_by_chat;
DROP TABLE deliveries_fts;
CREATE VIRTUAL TABLE deliveries_fts USING fts5(
  text, body, facets,
  content = '', contentless_delete = 1,
  tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TABLE search_progress (
  only INTEGER PRIMARY KEY CHECK (only = 1),
  indexed_up_to INTEGER NOT NULL
);
INSERT INTO search_progress (only, indexed_up_to) VALUES (1, 0);
`;
