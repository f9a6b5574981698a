import { createReadStream } from 'node:fs';
import { decodeUtf8 } from '../utf8';
import { RecordError } from './record';

/**
 * The lines of an NDJSON file, one at a time, each at most `maxLineBytes`:
 * a file is someone else's input, and one endless line must not take the
 * memory or hold the event loop in one JSON.parse. Blank lines are skipped;
 * `line` counts from 1 as an editor does.
 */
export async function* ndjsonLines(
  path: string,
  maxLineBytes: number,
): AsyncGenerator<{ text: string; line: number }> {
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let line = 0;
  const take = (): { text: string; line: number } | null => {
    line += 1;
    const bytes = Buffer.concat(pending, pendingBytes);
    pending = [];
    pendingBytes = 0;
    const decoded = decodeUtf8(bytes);
    if (decoded === null) throw new RecordError(`line ${line}: not UTF-8 text`);
    const text = decoded.endsWith('\r') ? decoded.slice(0, -1) : decoded;
    return text.trim() === '' ? null : { text, line };
  };
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    let start = 0;
    for (;;) {
      const newline = chunk.indexOf(0x0a, start);
      const piece = chunk.subarray(start, newline === -1 ? chunk.length : newline);
      pendingBytes += piece.length;
      if (pendingBytes > maxLineBytes) {
        throw new RecordError(`line ${line + 1}: longer than ${maxLineBytes} bytes`);
      }
      pending.push(piece);
      if (newline === -1) break;
      const next = take();
      if (next) yield next;
      start = newline + 1;
    }
  }
  if (pendingBytes > 0) {
    const last = take();
    if (last) yield last;
  }
}
