const MASK = '***';

/**
 * Removes every given secret from a text, and any Telegram-style
 * `/bot<token>/` path segment, before it reaches a log, an error or an export.
 */
export function redact(text: string, secrets: ReadonlyArray<string | null | undefined>): string {
  let out = text.replace(/\/bot[^/\s?#]+/g, `/bot${MASK}`);
  for (const secret of secrets) {
    // Very short values would mask innocent text; real tokens are long.
    if (secret && secret.length >= 6) out = out.split(secret).join(MASK);
  }
  return out;
}
