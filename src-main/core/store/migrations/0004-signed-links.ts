// Signed links: per-bot signing keys (sealed), the commands links run, and
// what each run did (joined to the delivery row the receiver stored for it).
export const sql = `
CREATE TABLE signing_keys (
  kid         TEXT    PRIMARY KEY,
  profile_id  INTEGER NOT NULL REFERENCES bot_profiles(id) ON DELETE CASCADE,
  secret      BLOB    NOT NULL,           -- sealed
  created_at  INTEGER NOT NULL,
  retired_at  INTEGER
) STRICT;
CREATE INDEX signing_keys_by_profile ON signing_keys (profile_id, created_at);

CREATE TABLE commands (
  name        TEXT    PRIMARY KEY,
  body        TEXT    NOT NULL,
  updated_at  INTEGER NOT NULL
) STRICT;

CREATE TABLE invocations (
  delivery_id  INTEGER PRIMARY KEY REFERENCES deliveries(id) ON DELETE CASCADE,
  profile_id   INTEGER,
  command      TEXT,
  user_id      TEXT,
  options      TEXT,                      -- JSON text as signed
  params       TEXT    NOT NULL,          -- JSON array of [name, value]
  outcome      TEXT    NOT NULL,          -- 'ok' | 'rejected' | 'unknown-command' | 'error'
  reason       TEXT,
  check_code   TEXT,                      -- the failed link check, when rejected
  logs         TEXT    NOT NULL,          -- JSON array of console lines
  sent         TEXT    NOT NULL,          -- JSON array of Api.sendMessage results
  duration_ms  INTEGER NOT NULL
) STRICT;

INSERT INTO commands (name, body, updated_at) VALUES (
  'hello',
  '// A signed link runs this for one user: user, chat, options, params, request, res, Api.
Api.sendMessage({ text: "Hello, " + (user.first_name || user.name || user.id) + "! You opened a signed link." });
res.json({ ok: true, user: user.id, options, params });',
  CAST(unixepoch('subsec') * 1000 AS INTEGER)
);
`;
