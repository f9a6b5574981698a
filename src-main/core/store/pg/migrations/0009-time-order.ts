// Lists are ordered by received time, the id breaking ties (as SQLite's 0016):
// the time and inbox indexes carry the id, so a page is one index walk.
export const sql = `
CREATE INDEX deliveries_in_time_order ON deliveries (received_at, id);
CREATE INDEX deliveries_by_inbox_in_time_order ON deliveries (inbox, received_at, id);
DROP INDEX deliveries_by_time;
DROP INDEX deliveries_by_inbox;
`;
