// A link answer is stored up to 64 KiB, like a replay's: this says when it was cut.
export const sql = `
ALTER TABLE invocations ADD COLUMN response_truncated INTEGER NOT NULL DEFAULT 0;
`;
