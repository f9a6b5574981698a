// Signed links: per-bot signing keys (sealed) and the commands links run.
// Their runs are recorded in invocations (0001), beside the delivery row.
export const sql = `
CREATE TABLE signing_keys (
  kid        text        PRIMARY KEY,
  profile_id bigint      NOT NULL REFERENCES bot_profiles (id) ON DELETE CASCADE,
  secret     bytea       NOT NULL,       -- sealed
  created_at timestamptz NOT NULL,
  retired_at timestamptz
);
CREATE INDEX signing_keys_by_profile ON signing_keys (profile_id, created_at);

CREATE TABLE commands (
  name       text        PRIMARY KEY,
  body       text        NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

INSERT INTO commands (name, body) VALUES (
  'hello',
  '// A signed link runs this for one user: user, chat, options, params, request, res, Api.
Api.sendMessage({ text: "Hello, " + (user.first_name || user.name || user.id) + "! You opened a signed link." });
res.json({ ok: true, user: user.id, options, params });'
);
`;
