import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, rmSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { ContractError, TransferFile, type UploadedFile, uploadFileName, uploadLimit } from '@contract';
import { sendJson } from './api-routes';

/** `GET /downloads/<file>`: an export, as an attachment. */
export function serveDownload(dir: string, name: string, res: ServerResponse): void {
  if (!TransferFile.safeParse(name).success) {
    sendJson(res, 404, new ContractError('not-found', 'No such export.').toBody());
    return;
  }
  const path = join(dir, name);
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    sendJson(res, 404, new ContractError('not-found', `There is no export "${name}".`).toBody());
    return;
  }
  res.writeHead(200, {
    'Content-Type': name.endsWith('.har') ? 'application/json' : 'application/x-ndjson',
    'Content-Length': size,
    'Content-Disposition': `attachment; filename="${name}"`,
    'Cache-Control': 'no-store',
  });
  createReadStream(path).pipe(res);
}

/**
 * `POST /uploads?name=<original name>`: the raw file body, kept for
 * `import.start`. `room` is what the exports-and-uploads quota has left: an
 * upload past it is refused, before or while it is written.
 */
export async function receiveUpload(
  dir: string,
  room: number,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const original = new URL(req.url ?? '/', 'http://x').searchParams.get('name') ?? 'upload';
  const file = uploadFileName(original, randomUUID());
  const path = join(dir, file);
  const { limit, tooLarge } = uploadLimit(room);
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    req.resume();
    return sendJson(res, 413, new ContractError('bad-input', tooLarge).toBody(), { Connection: 'close' });
  }
  let size = 0;
  req.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size > limit) req.destroy(new Error(tooLarge));
  });
  try {
    await pipeline(req, createWriteStream(path, { mode: 0o600 }));
  } catch (error) {
    rmSync(path, { force: true });
    if (!res.headersSent)
      sendJson(
        res,
        400,
        new ContractError('bad-input', `The upload failed: ${(error as Error).message}`).toBody(),
      );
    return;
  }
  const answer: UploadedFile = { file, size };
  sendJson(res, 200, answer);
}
