// Where replays went, per inbox, so the dialog offers them again (and lets
// them be named); and the request each attempt really sent, so the Replays
// tab can show it and diff it against the original.
export const sql = `
CREATE TABLE replay_targets (
  inbox   TEXT    NOT NULL,
  url     TEXT    NOT NULL,
  name    TEXT,                          -- NULL: unnamed
  used_at INTEGER NOT NULL,
  PRIMARY KEY (inbox, url)
) STRICT;
CREATE INDEX replay_targets_by_use ON replay_targets (inbox, used_at);

ALTER TABLE replay_attempts ADD COLUMN sent_headers TEXT NOT NULL DEFAULT '[]';  -- JSON array of [name, value]
ALTER TABLE replay_attempts ADD COLUMN sent_body TEXT;                           -- NULL: the original bytes
`;
