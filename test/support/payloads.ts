/** The webhook payload exactly as seed 004 (Solafon) documents it. */
export const SOLAFON_SEED_PAYLOAD = {
  update_id: 123,
  message_id: 123,
  from: {
    id: 456,
    email: 'user@example.com',
    name: 'John',
    language: 'en',
  },
  chat: {
    id: 456,
    type: 'private',
  },
  date: 1704067200,
  text: '/start',
};

/** A Solafon delivery with its own update_id. */
export const solafonUpdate = (updateId: number, text = `hello ${updateId}`) => ({
  ...SOLAFON_SEED_PAYLOAD,
  update_id: updateId,
  message_id: updateId,
  text,
});

/** A Telegram Update carrying a message. */
export const telegramMessage = (updateId: number, text = 'hi') => ({
  update_id: updateId,
  message: {
    message_id: 7,
    from: {
      id: 111,
      is_bot: false,
      first_name: 'Ada',
      last_name: 'Lovelace',
      username: 'ada',
      language_code: 'en',
    },
    chat: { id: -100200, type: 'group', title: 'Engines' },
    date: 1704067200,
    text,
  },
});
