const MASK = '***';

/**
 * A webhook secret a platform echoes back (in its error, quoting the request)
 * is hidden by the name it goes under, whatever its length: as a JSON member,
 * a form or query field, or the header Telegram sends it in.
 */
const SECRET_FIELDS: ReadonlyArray<[RegExp, string]> = [
  [/("secret_token"\s*:\s*)"(?:[^"\\]|\\.)*"/g, `$1"${MASK}"`],
  [/(\bsecret_token=)[^&\s"']*/g, `$1${MASK}`],
  [/(x-telegram-bot-api-secret-token\s*[:=]\s*)[^\s,;"']+/gi, `$1${MASK}`],
];

/**
 * Removes every given secret from a text, and any Telegram-style
 * `/bot<token>/` path segment, before it reaches a log, an error or an export.
 */
export function redact(text: string, secrets: ReadonlyArray<string | null | undefined>): string {
  let out = text.replace(/\/bot[^/\s?#]+/g, `/bot${MASK}`);
  for (const [field, masked] of SECRET_FIELDS) out = out.replace(field, masked);
  for (const secret of secrets) {
    // Very short values would mask innocent text; real tokens are long.
    if (secret && secret.length >= 6) out = out.split(secret).join(MASK);
  }
  return out;
}
