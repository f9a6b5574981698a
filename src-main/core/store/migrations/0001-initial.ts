// Released migrations are never edited: startup compares their checksums
// with what the database recorded and refuses to run on any drift.
export const sql = `
CREATE TABLE inboxes (
  name       TEXT PRIMARY KEY,
  created_at INTEGER NOT NULL
) STRICT;

CREATE TABLE deliveries (
  id              INTEGER PRIMARY KEY,
  received_at     INTEGER NOT NULL,       -- ms since epoch
  inbox           TEXT    NOT NULL,       -- not a foreign key: unknown inboxes are kept too
  method          TEXT    NOT NULL,
  path            TEXT    NOT NULL,
  query           TEXT    NOT NULL,
  headers         TEXT    NOT NULL,       -- JSON array of [name, value], arrival order
  remote_address  TEXT,
  body            BLOB    NOT NULL,       -- the raw bytes, exactly as received
  body_size       INTEGER NOT NULL,       -- bytes announced or seen, also when the body was not kept
  body_omitted    INTEGER NOT NULL,       -- 1 when over the size limit
  response_status INTEGER NOT NULL,
  response_body   TEXT    NOT NULL,
  problem         TEXT,
  duplicate_of    INTEGER REFERENCES deliveries(id),
  platform        TEXT    NOT NULL,
  kind            TEXT    NOT NULL,
  update_id       INTEGER,
  user_id         ANY,
  user_name       TEXT,
  user_username   TEXT,
  user_language   TEXT,
  chat_id         ANY,
  chat_type       TEXT,
  text            TEXT
) STRICT;

-- The first copy of each update in an inbox: the duplicate check's lookup.
CREATE INDEX deliveries_first_update
  ON deliveries (inbox, update_id)
  WHERE update_id IS NOT NULL AND duplicate_of IS NULL;

CREATE INDEX deliveries_by_inbox ON deliveries (inbox, id);

INSERT INTO inboxes (name, created_at) VALUES ('default', CAST(unixepoch('subsec') * 1000 AS INTEGER));
`;
