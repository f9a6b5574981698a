import { ContractError } from '@contract/errors';

/** What `POST /uploads` answers: `file` is the stored name that `import.start` takes. */
export interface Upload {
  file: string;
  size: number;
}

/**
 * The web bridge's plain-HTTP file routes, beside the contract's calls. The
 * browser fetches an export itself, from a link, and a link cannot carry an
 * Authorization header: so the token rides in the query, as the bridge
 * expects for these two routes. The desktop transport has no such routes
 * yet, which is why the client's `files` can be null.
 */
export interface FileRoutes {
  /** A link that downloads an export (served as an attachment). */
  downloadUrl(file: string): string;
  /** Sends the raw file as the body; rejects with a ContractError. */
  upload(file: Blob, name: string): Promise<Upload>;
}

export interface FileRoutesEnv {
  origin: string;
  token: string | null;
  fetch: typeof fetch;
}

export function createWebFileRoutes(env: FileRoutesEnv): FileRoutes {
  const url = (path: string, params: Record<string, string> = {}) => {
    const target = new URL(path, env.origin);
    if (env.token !== null) target.searchParams.set('token', env.token);
    for (const [key, value] of Object.entries(params)) target.searchParams.set(key, value);
    return target.toString();
  };

  return {
    downloadUrl: (file) => url(`/downloads/${encodeURIComponent(file)}`),

    async upload(file, name) {
      let response: Response;
      try {
        const target = new URL('/uploads', env.origin);
        target.searchParams.set('name', name);
        // A fetch can carry the token as a header (a team server takes it from another origin only so).
        const headers: Record<string, string> = { 'Content-Type': 'application/octet-stream' };
        if (env.token !== null) headers.Authorization = `Bearer ${env.token}`;
        response = await env.fetch(target.toString(), {
          method: 'POST',
          // The bridge stores the body as it comes: no multipart, no JSON wrapping.
          headers,
          body: file,
        });
      } catch (error) {
        const detail = error instanceof Error ? error.message : String(error);
        throw new ContractError('unavailable', `The upload did not reach the inspector: ${detail}`);
      }
      let body: unknown;
      try {
        body = await response.json();
      } catch {
        body = undefined;
      }
      if (!response.ok) throw ContractError.fromBody(body);
      if (!isUpload(body)) throw ContractError.fromBody(undefined);
      return body;
    },
  };
}

function isUpload(body: unknown): body is Upload {
  if (typeof body !== 'object' || body === null) return false;
  const { file, size } = body as Record<string, unknown>;
  return typeof file === 'string' && typeof size === 'number';
}
