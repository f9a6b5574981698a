// A profile's Telegram webhook secret token (sealed): sent on setWebhook and,
// when asked, on replays, as the platform would send it.
export const sql = `
ALTER TABLE bot_profiles ADD COLUMN webhook_secret BLOB;
`;
