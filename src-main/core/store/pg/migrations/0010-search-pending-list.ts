// The search index (GIN) takes new rows into a pending list, merged into the
// index by whichever insert finds the list full: with the default 4 MB, that
// insert held its group commit ~70–100 ms every few thousand deliveries, and
// the acknowledgements waiting behind it made the p99 at 1,000 a second.
// Merging a smaller list (256 kB; the unit is kB) more often costs the same
// in all, and never long.
export const sql = `
ALTER INDEX deliveries_search SET (gin_pending_list_limit = 256);
`;
