const strict = new TextDecoder('utf-8', { fatal: true });

/**
 * The bytes as text when they are well-formed UTF-8, else null: bodies and
 * uploaded files are someone else's bytes, and a replacement character
 * would pass bad input off as text.
 */
export function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return strict.decode(bytes);
  } catch {
    return null;
  }
}
