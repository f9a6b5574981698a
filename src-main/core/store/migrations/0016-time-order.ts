// Lists are ordered by received time (the id breaking ties), not by arrival:
// an imported delivery from last year sits among last year's rows.
//
// `sort_key` (see core/deliveries/time-key.ts) is that order as one integer,
// unique, so one index walks it newest first and stops at the page. It
// replaces the time index (a time range is a key range) and, with the inbox
// first, the inbox index. It becomes the search index's rowid as well, so a
// text or facet search walks rows in time order too: the index is emptied
// here and refilled by the writer thread in the background, as after 0013.
export const sql = `
ALTER TABLE deliveries ADD COLUMN sort_key INTEGER;
UPDATE deliveries SET sort_key = k.key
FROM (
  SELECT id,
    min(max(received_at, 0), 8796093022207) * 1048576
      + row_number() OVER (PARTITION BY min(max(received_at, 0), 8796093022207) ORDER BY id) - 1 AS key
  FROM deliveries
) AS k
WHERE deliveries.id = k.id;
CREATE UNIQUE INDEX deliveries_in_time_order ON deliveries (sort_key);
CREATE INDEX deliveries_by_inbox_in_time_order ON deliveries (inbox, sort_key);
DROP INDEX deliveries_by_time;
DROP INDEX deliveries_by_inbox;
INSERT INTO deliveries_fts (deliveries_fts) VALUES ('delete-all');
UPDATE search_progress SET indexed_up_to = 0;
`;
