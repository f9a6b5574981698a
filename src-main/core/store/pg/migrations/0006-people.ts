// A team server's people and its audit log.
//
// A person's token is never stored: only its SHA-256, looked up through a
// unique index. People are revoked, never deleted, so the audit log's
// entries keep pointing at who made them.
//
// The audit log is append-only in the database itself, not only in the
// code: a trigger refuses UPDATE, DELETE and TRUNCATE on it, whoever asks.
export const sql = `
CREATE TABLE people (
  id         bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name       text        NOT NULL,
  role       text        NOT NULL CHECK (role IN ('viewer', 'operator', 'admin')),
  token_hash bytea       NOT NULL CHECK (length(token_hash) = 32),
  created_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz
);
CREATE UNIQUE INDEX people_by_token_hash ON people (token_hash);
-- A name picks one person (users revoke --name): unique among those not revoked.
CREATE UNIQUE INDEX people_active_name ON people (name) WHERE revoked_at IS NULL;

CREATE TABLE audit_log (
  id          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at          timestamptz NOT NULL DEFAULT now(),
  person_id   bigint      REFERENCES people (id),   -- null: the command line
  person_name text        NOT NULL,
  role        text        NOT NULL,
  method      text        NOT NULL,
  target      text,
  outcome     text        NOT NULL CHECK (outcome IN ('ok', 'error')),
  error       text
);
-- Newest first (by id) within each filter.
CREATE INDEX audit_log_by_person ON audit_log (person_id, id);
CREATE INDEX audit_log_by_method ON audit_log (method, id);
CREATE INDEX audit_log_errors    ON audit_log (id) WHERE outcome = 'error';
CREATE INDEX audit_log_by_time   ON audit_log (at);

CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the audit log is append-only';
END
$$;
CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
`;
