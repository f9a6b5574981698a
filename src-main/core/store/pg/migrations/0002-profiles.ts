// Bot profiles and the replies sent from Compose. Secrets (token, jwt,
// webhook_secret) are sealed by the SecretBox before they reach the
// database, as in SQLite: every replica must hold the same key to open them.
export const sql = `
CREATE TABLE bot_profiles (
  id             bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name           text        NOT NULL,
  platform       text        NOT NULL,   -- 'solafon' | 'telegram'
  base_url       text        NOT NULL,
  public_url     text        NOT NULL DEFAULT '',
  inbox          text        NOT NULL DEFAULT 'default',
  app_id         text,
  token          bytea,                  -- sealed
  jwt            bytea,                  -- sealed
  webhook_secret bytea,                  -- sealed
  sandbox        boolean     NOT NULL DEFAULT false,
  created_at     timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX bot_profiles_one_sandbox ON bot_profiles (sandbox) WHERE sandbox;

CREATE TABLE sent_replies (
  id          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  profile_id  bigint      NOT NULL REFERENCES bot_profiles (id) ON DELETE CASCADE,
  chat_id     jsonb       NOT NULL CHECK (jsonb_typeof(chat_id) IN ('number', 'string')),
  text        text        NOT NULL,
  delivery_id bigint      REFERENCES deliveries (id) ON DELETE SET NULL,
  sent_at     timestamptz NOT NULL,
  ok          boolean     NOT NULL,
  result      text        NOT NULL
);
CREATE INDEX sent_replies_by_profile  ON sent_replies (profile_id, id);
CREATE INDEX sent_replies_by_delivery ON sent_replies (delivery_id) WHERE delivery_id IS NOT NULL;
`;
