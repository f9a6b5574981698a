/**
 * The media type of a Content-Type header, lower-cased and without
 * parameters. A substring test would let `text/plain; x=application/json`
 * through — a type a cross-site form may send without a CORS preflight.
 */
export function mediaType(header: string | undefined): string {
  return (header ?? '').split(';', 1)[0]?.trim().toLowerCase() ?? '';
}
