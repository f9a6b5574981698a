// Attempts to send deliveries on (replays, proxy and tap forwarding), and
// the queue of tap forwards every replica works from.
export const sql = `
CREATE TABLE replay_attempts (
  id                 bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  delivery_id        bigint      NOT NULL REFERENCES deliveries (id) ON DELETE CASCADE,
  job_id             text        NOT NULL,
  target             text        NOT NULL,
  status             integer,                -- NULL when no HTTP answer came
  error              text,
  duration_ms        integer     NOT NULL,
  response_headers   jsonb       NOT NULL CHECK (jsonb_typeof(response_headers) = 'array'),  -- [name, value] pairs
  response_body      text        NOT NULL,
  response_truncated boolean     NOT NULL,
  sent_body_sha256   text        NOT NULL,
  sent_at            timestamptz NOT NULL
);
CREATE INDEX replay_attempts_by_delivery ON replay_attempts (delivery_id, id);

-- A tap forward still owed: inserted with its delivery, in the same
-- transaction, so a crash between commit and sending loses nothing. Any
-- replica takes due jobs with
--   UPDATE tap_jobs SET locked_until = now() + <lease>, locked_by = <instance>, attempts = attempts + 1
--   WHERE id IN (SELECT id FROM tap_jobs
--                WHERE next_attempt_at <= now() AND (locked_until IS NULL OR locked_until < now())
--                ORDER BY next_attempt_at LIMIT <n> FOR UPDATE SKIP LOCKED)
--   RETURNING *
-- then deletes the job once sent (or out of retries), or sets
-- next_attempt_at and clears locked_until to retry. A replica that dies
-- mid-send leaves a lease that runs out, and another one takes the job.
-- Times are the database's, so replicas' clocks need not agree.
CREATE TABLE tap_jobs (
  id              bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  delivery_id     bigint      NOT NULL REFERENCES deliveries (id) ON DELETE CASCADE,
  url             text        NOT NULL,
  attempts        integer     NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  locked_until    timestamptz,            -- a replica is sending it until then
  locked_by       text,                   -- that replica's instance id, for operators
  last_error      text,
  created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX tap_jobs_due         ON tap_jobs (next_attempt_at);
CREATE INDEX tap_jobs_by_delivery ON tap_jobs (delivery_id);
`;
