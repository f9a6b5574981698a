// Deliveries, shared by every replica of a team server (PostgreSQL ≥ 15).
// Released migrations are never edited: startup compares their checksums
// with what the database recorded and refuses to run on any drift.
//
// Choices that differ from SQLite, and why:
// - Times are timestamptz. The contract speaks ISO strings with
//   milliseconds and the app writes only whole milliseconds, which
//   timestamptz (microseconds) keeps exactly; and jobs shared by replicas
//   compare against the database's clock (now()), never a replica's.
// - Ids are bigint identities; the client reads bigints as JS numbers
//   (see connect.ts).
// - user_id and chat_id are jsonb: a number or a string, as the platform
//   sent it, the type surviving the round trip (SQLite's ANY columns).
//   Filters match both spellings: user_id IN ('123'::jsonb, '"123"'::jsonb).
// - No text or jsonb value may contain U+0000 in PostgreSQL: the store
//   passes decoded strings through pgText (text-value.ts). The body is
//   bytea, kept byte for byte.
// - Whether a copy is the first of its update is decided by a constraint
//   (first_updates' primary key), so replicas receiving the same update at
//   once cannot both call theirs the first. See first-copies.ts.
// - Full-text search is the search column, filled by the app with a
//   tsvector literal of its own tokens (search-text.ts); no trigger or
//   server parser takes part.
export const sql = `
CREATE TABLE inboxes (
  name       text        PRIMARY KEY,
  created_at timestamptz NOT NULL DEFAULT now()
);
INSERT INTO inboxes (name) VALUES ('default');

CREATE TABLE deliveries (
  id              bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  received_at     timestamptz NOT NULL,
  inbox           text        NOT NULL,   -- not a foreign key: unknown inboxes are kept too
  method          text        NOT NULL,
  path            text        NOT NULL,
  query           text        NOT NULL,
  headers         jsonb       NOT NULL CHECK (jsonb_typeof(headers) = 'array'),  -- [name, value] pairs, arrival order
  remote_address  text,
  body            bytea       NOT NULL,   -- the raw bytes, exactly as received
  body_size       bigint      NOT NULL,   -- bytes announced or seen, also when the body was not kept
  body_omitted    boolean     NOT NULL,   -- true when over the size limit
  response_status integer     NOT NULL,
  response_body   text        NOT NULL,
  problem         text,
  duplicate_of    bigint      REFERENCES deliveries (id) ON DELETE SET NULL,
  platform        text        NOT NULL,
  kind            text        NOT NULL,
  update_id       bigint,
  user_id         jsonb       CHECK (jsonb_typeof(user_id) IN ('number', 'string')),
  user_name       text,
  user_username   text,
  user_language   text,
  chat_id         jsonb       CHECK (jsonb_typeof(chat_id) IN ('number', 'string')),
  chat_type       text,
  text            text,
  search          tsvector    NOT NULL    -- summary text, then the body's first 64 KiB as UTF-8
);

-- The first accepted copy (response_status < 300) of each update in an inbox.
-- Replicas insert their deliveries, then claim here with ON CONFLICT DO
-- NOTHING: the key admits one first copy however many arrive at once.
CREATE TABLE first_updates (
  inbox       text   NOT NULL,
  update_id   bigint NOT NULL,
  delivery_id bigint NOT NULL UNIQUE REFERENCES deliveries (id) ON DELETE CASCADE,
  PRIMARY KEY (inbox, update_id)
);

-- deliveries.list: newest first (ORDER BY id DESC) under any one filter,
-- each index ending in id so the cursor (id < before, id > after) and the
-- order come from the index. Filters combined are ANDed from several.
CREATE INDEX deliveries_by_inbox    ON deliveries (inbox, id);
CREATE INDEX deliveries_by_kind     ON deliveries (kind, id);
CREATE INDEX deliveries_by_platform ON deliveries (platform, id);
CREATE INDEX deliveries_by_status   ON deliveries (response_status, id);
-- problem = 'none' is most rows: the primary key serves it; the index holds only the rest.
CREATE INDEX deliveries_by_problem  ON deliveries (problem, id) WHERE problem IS NOT NULL;
CREATE INDEX deliveries_by_user     ON deliveries (user_id, id) WHERE user_id IS NOT NULL;
CREATE INDEX deliveries_by_chat     ON deliveries (chat_id, id) WHERE chat_id IS NOT NULL;
CREATE INDEX deliveries_by_time     ON deliveries (received_at);
CREATE INDEX deliveries_search      ON deliveries USING gin (search);
-- The largest update_id (renumbered replays), and every copy of one update.
CREATE INDEX deliveries_by_update   ON deliveries (update_id) WHERE update_id IS NOT NULL;
-- Deleting a first copy finds its duplicates here (ON DELETE SET NULL).
CREATE INDEX deliveries_by_first    ON deliveries (duplicate_of) WHERE duplicate_of IS NOT NULL;

-- What a signed-link hit did, beside its delivery row. options is the JSON
-- text as signed, kept verbatim; params, logs and sent are json (not jsonb)
-- so they read back exactly as recorded, key order included.
CREATE TABLE invocations (
  delivery_id        bigint  PRIMARY KEY REFERENCES deliveries (id) ON DELETE CASCADE,
  profile_id         bigint,             -- not a foreign key: the record outlives its profile
  command            text,
  user_id            text,
  options            text,
  params             json    NOT NULL,   -- [name, value] pairs
  outcome            text    NOT NULL CHECK (outcome IN ('ok', 'rejected', 'unknown-command', 'error')),
  reason             text,
  check_code         text,               -- the failed link check, when rejected
  logs               json    NOT NULL,   -- console lines
  sent               json    NOT NULL,   -- Api.sendMessage results
  duration_ms        integer NOT NULL,
  response_truncated boolean NOT NULL DEFAULT false
);
`;
