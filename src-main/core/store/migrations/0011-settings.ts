// Settings of the whole inspector, one row a setting (the default expiry of new signed links first).
export const sql = `
CREATE TABLE settings (
  name  TEXT PRIMARY KEY,
  value TEXT NOT NULL   -- JSON
) STRICT;
`;
