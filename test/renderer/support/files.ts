import { vi } from 'vitest';
import { createWebFileRoutes, type FileRoutes } from '../../../src-renderer/api/fileRoutes';

export const FAKE_ORIGIN = 'http://127.0.0.1:5173';
export const FAKE_TOKEN = 't0k3n/+=';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

/**
 * The web transport's real file routes over a mocked fetch, so a test sees
 * the exact upload request and answers it as the bridge would.
 */
export function fakeFileRoutes(
  answer: (url: URL, init: RequestInit | undefined) => { status: number; body: unknown } = () => ({
    status: 200,
    body: { file: 'upload-1.ndjson', size: 1 },
  }),
): { files: FileRoutes; fetch: ReturnType<typeof vi.fn<typeof fetch>> } {
  const fetchMock = vi.fn<typeof fetch>(async (input, init) => {
    const { status, body } = answer(new URL(String(input)), init);
    return json(status, body);
  });
  return {
    files: createWebFileRoutes({ origin: FAKE_ORIGIN, token: FAKE_TOKEN, fetch: fetchMock }),
    fetch: fetchMock,
  };
}
