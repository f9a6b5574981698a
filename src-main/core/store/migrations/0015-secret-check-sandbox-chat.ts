// Two things of one release, in the one migration number it was given.
//
// 1. Which bot profile feeds an inbox, so deliveries without that profile's
//    webhook secret are flagged `bad-secret` (and, with reject, answered
//    401). A deleted profile ends the check rather than the inbox's settings.
//
// 2. A richer sandbox chat: what kind a chat row is (a text, a photo, a new
//    member, a button press, a bot's answer to a press), the bot's inline
//    keyboard, when a message was edited, the update that last carried it
//    (for its delivery state), and updates the sandbox gave up delivering.
export const sql = `
ALTER TABLE inbox_settings ADD COLUMN secret_profile_id INTEGER REFERENCES bot_profiles (id) ON DELETE SET NULL;
ALTER TABLE inbox_settings ADD COLUMN reject_bad_secret INTEGER NOT NULL DEFAULT 0;

ALTER TABLE sandbox_messages ADD COLUMN kind TEXT NOT NULL DEFAULT 'text';
ALTER TABLE sandbox_messages ADD COLUMN reply_markup TEXT;  -- JSON {inline_keyboard} of a bot message
ALTER TABLE sandbox_messages ADD COLUMN edited_at INTEGER;  -- Unix seconds
ALTER TABLE sandbox_messages ADD COLUMN update_id INTEGER;  -- the latest update about this row
ALTER TABLE sandbox_updates ADD COLUMN given_up_at INTEGER; -- ms; set with delivered_at when retries ran out
`;
