// Bot profiles (secrets sealed by the SecretBox) and the replies sent from Compose.
export const sql = `
CREATE TABLE bot_profiles (
  id          INTEGER PRIMARY KEY,
  name        TEXT    NOT NULL,
  platform    TEXT    NOT NULL,           -- 'solafon' | 'telegram'
  base_url    TEXT    NOT NULL,
  public_url  TEXT    NOT NULL DEFAULT '',
  inbox       TEXT    NOT NULL DEFAULT 'default',
  app_id      TEXT,
  token       BLOB,                       -- sealed
  jwt         BLOB,                       -- sealed
  sandbox     INTEGER NOT NULL DEFAULT 0,
  created_at  INTEGER NOT NULL
) STRICT;
CREATE UNIQUE INDEX bot_profiles_one_sandbox ON bot_profiles (sandbox) WHERE sandbox = 1;

CREATE TABLE sent_replies (
  id          INTEGER PRIMARY KEY,
  profile_id  INTEGER NOT NULL REFERENCES bot_profiles(id) ON DELETE CASCADE,
  chat_id     ANY     NOT NULL,
  text        TEXT    NOT NULL,
  delivery_id INTEGER REFERENCES deliveries(id) ON DELETE SET NULL,
  sent_at     INTEGER NOT NULL,
  ok          INTEGER NOT NULL,
  result      TEXT    NOT NULL
) STRICT;
CREATE INDEX sent_replies_by_profile ON sent_replies (profile_id, id);
`;
