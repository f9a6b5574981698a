// Full-text search over each delivery's summary text and body (rowid = the
// delivery's id), filled in the same transaction as the delivery itself.
export const sql = `
CREATE VIRTUAL TABLE deliveries_fts USING fts5(text, body, tokenize = 'unicode61 remove_diacritics 2');

INSERT INTO deliveries_fts (rowid, text, body)
  SELECT id, coalesce(text, ''), CASE WHEN body_omitted = 0 THEN CAST(substr(body, 1, 65536) AS TEXT) ELSE '' END
  FROM deliveries;

CREATE INDEX deliveries_by_user ON deliveries (user_id) WHERE user_id IS NOT NULL;
CREATE INDEX deliveries_by_chat ON deliveries (chat_id) WHERE chat_id IS NOT NULL;
CREATE INDEX deliveries_by_time ON deliveries (received_at);
`;
