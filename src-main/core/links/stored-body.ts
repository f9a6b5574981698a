/** A link answer's body is kept up to this many bytes, like a replay's. */
export const STORED_BODY_BYTES = 64 * 1024;

/** The body as stored: whole, or its first 64 KiB cut on a character boundary, and whether it was cut. */
export function storedBody(body: string): { body: string; truncated: boolean } {
  // A UTF-16 string needs at most 3 UTF-8 bytes per code unit: short ones need no measuring.
  if (body.length * 3 <= STORED_BODY_BYTES || Buffer.byteLength(body) <= STORED_BODY_BYTES) {
    return { body, truncated: false };
  }
  const bytes = Buffer.from(body.slice(0, STORED_BODY_BYTES));
  let end = STORED_BODY_BYTES;
  // Step back over the continuation bytes (10xxxxxx) of a character the cut went through.
  while (end > 0 && ((bytes[end] ?? 0) & 0xc0) === 0x80) end--;
  return { body: bytes.subarray(0, end).toString('utf8'), truncated: true };
}
