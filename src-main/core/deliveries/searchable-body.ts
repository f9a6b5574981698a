import { decodeUtf8 } from '../utf8';

/** What full-text search sees of a body: its first 64 KiB as text, nothing for binary. */
export function searchableBody(body: Buffer): string {
  const end = Math.min(body.length, 65536);
  // A cut through a multi-byte character is stepped back over, at most 3 bytes.
  for (let back = 0; back <= (end < body.length ? 3 : 0); back++) {
    const text = decodeUtf8(body.subarray(0, end - back));
    if (text !== null) return text;
    // Try one byte shorter, or give up: binary bodies are not searched.
  }
  return '';
}
