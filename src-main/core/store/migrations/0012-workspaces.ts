// The team servers this app can open: each with the token of the person using it, sealed by the SecretBox.
export const sql = `
CREATE TABLE workspaces (
  id          INTEGER PRIMARY KEY,
  name        TEXT    NOT NULL UNIQUE,
  url         TEXT    NOT NULL,           -- the server's origin: https://inspector.example.com
  person_name TEXT    NOT NULL,           -- whose token it is, as the server said when it was added
  role        TEXT    NOT NULL CHECK (role IN ('viewer', 'operator', 'admin')),
  token       BLOB    NOT NULL,           -- sealed
  created_at  INTEGER NOT NULL
) STRICT;
`;
