// Which bot profile feeds an inbox, so deliveries without that profile's
// webhook secret are flagged `bad-secret` (and, with reject, answered 401).
// A deleted profile ends the check rather than the inbox's settings.
export const sql = `
ALTER TABLE inbox_settings
  ADD COLUMN secret_profile_id bigint REFERENCES bot_profiles (id) ON DELETE SET NULL,
  ADD COLUMN reject_bad_secret boolean NOT NULL DEFAULT false;
`;
