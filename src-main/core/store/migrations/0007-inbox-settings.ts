// Per-inbox forwarding, response rule and retention.
export const sql = `
CREATE TABLE inbox_settings (
  inbox        TEXT    PRIMARY KEY,
  forwarding   TEXT,                      -- JSON {url, mode} or NULL
  rule         TEXT,                      -- JSON rule or NULL
  rule_hits    INTEGER NOT NULL DEFAULT 0,
  keep_count   INTEGER,
  keep_days    REAL
) STRICT;
`;
