import type { PickedImport, SavedExport, UploadedFile } from '@contract';
import { describeError } from '@contract/describe-error';
import { ContractError } from '@contract/errors';

/** What `POST /uploads` answers: `file` is the stored name that `import.start` takes. */
export type Upload = UploadedFile;

/**
 * How files leave and reach the inspector, whichever transport: the web
 * bridge's download and upload routes, or the desktop's native save and
 * open dialogs (over IPC). The UI offers a link and a file input for the
 * first, buttons that open the dialogs for the second.
 */
export type FileTransfer = FileRoutes | NativeFiles;

/** The desktop's: the main process shows the dialog and copies the file; the page never sees a path it did not get back. */
export interface NativeFiles {
  kind: 'native';
  /** Saves a kept export where the user picks; `path: null` when cancelled. Rejects with a ContractError. */
  saveExport(file: string): Promise<SavedExport>;
  /** The picked file, copied in for `import.start`; null when cancelled. Rejects with a ContractError. */
  openImport(): Promise<PickedImport | null>;
}

/**
 * The web bridge's plain-HTTP file routes, beside the contract's calls. The
 * browser fetches an export itself, from a link, and a link cannot carry an
 * Authorization header: so the token rides in the query, as the bridge
 * expects for these two routes.
 */
export interface FileRoutes {
  kind: 'browser';
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
    kind: 'browser',
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
        const detail = describeError(error);
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
