// Where replays went, per inbox, so the dialog offers them again (and lets
// them be named); and the request each attempt really sent, so the Replays
// tab can show it and diff it against the original. Remembering a target is
// one upsert and one bounded delete, so replicas never count and then write.
export const sql = `
CREATE TABLE replay_targets (
  inbox   text        NOT NULL,
  url     text        NOT NULL,
  name    text,                            -- NULL: unnamed
  used_at timestamptz NOT NULL,
  PRIMARY KEY (inbox, url)
);
CREATE INDEX replay_targets_by_use ON replay_targets (inbox, used_at);

ALTER TABLE replay_attempts ADD COLUMN sent_headers jsonb NOT NULL DEFAULT '[]'
  CHECK (jsonb_typeof(sent_headers) = 'array');
ALTER TABLE replay_attempts ADD COLUMN sent_body text;  -- NULL: the original bytes
`;
