import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ContractError, type TransferProgress } from '@contract';
import { dispatch } from '@contract/dispatch';
import { startTestCore, type TestCore } from '../../support/core';
import { waitFor } from '../../support/wait';

export { record } from '../../support/records';

/** A core that records every `transfer.progress` event. */
export async function transferCore(
  options: Parameters<typeof startTestCore>[0] = {},
): Promise<{ t: TestCore; progress: TransferProgress[] }> {
  const t = await startTestCore(options);
  const progress: TransferProgress[] = [];
  t.core.subscribe((name, payload) => {
    if (name === 'transfer.progress') progress.push(payload as TransferProgress);
  });
  return { t, progress };
}

/** A contract call as a transport makes it: input parsed, errors as ContractError. */
export async function call<T>(t: TestCore, method: string, input: unknown): Promise<T> {
  const result = await dispatch(t.core.service, method, input);
  if (!result.ok) throw new ContractError(result.error.error, result.error.message);
  return result.value as T;
}

export const ended = (progress: TransferProgress[], jobId: string) =>
  waitFor(() => progress.find((p) => p.jobId === jobId && p.state !== 'running'), {
    timeoutMs: 30_000,
    what: 'the transfer to end',
  });

/** Writes `text` as an upload and imports it; resolves with the job's last progress. */
export async function importText(
  c: { t: TestCore; progress: TransferProgress[] },
  text: string | Buffer,
  format: 'ndjson' | 'har',
  name = `upload-${Math.random().toString(36).slice(2)}.${format}`,
): Promise<TransferProgress> {
  writeFileSync(join(c.t.core.transferDir('imports'), name), text);
  const started = await call<TransferProgress>(c.t, 'import.start', { format, file: name });
  return ended(c.progress, started.jobId);
}

export const ndjson = (values: unknown[]): string => `${values.map((v) => JSON.stringify(v)).join('\n')}\n`;
