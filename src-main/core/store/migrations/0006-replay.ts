// Every replay attempt, linked to the delivery it sent again.
export const sql = `
CREATE TABLE replay_attempts (
  id                 INTEGER PRIMARY KEY,
  delivery_id        INTEGER NOT NULL REFERENCES deliveries(id) ON DELETE CASCADE,
  job_id             TEXT    NOT NULL,
  target             TEXT    NOT NULL,
  status             INTEGER,
  error              TEXT,
  duration_ms        INTEGER NOT NULL,
  response_headers   TEXT    NOT NULL,     -- JSON array of [name, value]
  response_body      TEXT    NOT NULL,
  response_truncated INTEGER NOT NULL,
  sent_body_sha256   TEXT    NOT NULL,
  sent_at            INTEGER NOT NULL
) STRICT;
CREATE INDEX replay_attempts_by_delivery ON replay_attempts (delivery_id, id);
`;
