/**
 * Why `value` is not an absolute http(s) URL, or null when it is. The
 * contract's rule (src-main/contract: HttpUrl), checked here without zod so
 * a form can say what is wrong before anything is sent.
 */
export function httpUrlProblem(value: string, what = 'The URL'): string | null {
  const trimmed = value.trim();
  if (trimmed === '') return `${what} is empty.`;
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return `${what} is not an absolute URL (e.g. http://127.0.0.1:8000/webhook).`;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return `${what} must start with http:// or https://, not ${url.protocol}//.`;
  }
  return null;
}
