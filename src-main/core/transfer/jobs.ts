import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream, statSync } from 'node:fs';
import { join } from 'node:path';
import {
  ContractError,
  type DeliveryFilter,
  type DeliveryListItem,
  type ExportFile,
  type TransferFormat,
  type TransferProgress,
} from '@contract';
import { idsMatching } from '../deliveries/ids-matching';
import type { NewDelivery } from '../deliveries/records';
import type { DeliveryStore } from '../deliveries/store';
import { describeError } from '../describe-error';
import type { EventHub } from '../events';
import type { TransferFiles } from './files';
import { HAR_TAIL, harEntry, harHead, recordFromHarEntry } from './har';
import { harEntries } from './read-har';
import { ndjsonLines } from './read-ndjson';
import { fromRecord, RecordError, type RecordOptions, toRecord } from './record';

/** Rows per transaction: small enough that the receiver never waits long behind an import. */
const BATCH = 100;
const SWEEP_EVERY_MS = 10 * 60 * 1000;

export interface TransferDeps {
  files: TransferFiles;
  deliveries: DeliveryStore;
  events: EventHub;
  version: string;
  onImported: (items: DeliveryListItem[]) => void;
  /** Whether an inbox of that name exists here: an import's "unknown inbox" described the source's. */
  hasInbox: (name: string) => boolean;
  /** The longest record an import accepts; bodies are capped by the receiver's limit, so a bit over that. */
  maxRecordBytes: number;
  log: (message: string) => void;
}

/**
 * "Unknown inbox" said that the inspector the record came from had no such
 * inbox when it arrived. Stored here in an inbox that exists, the badge would
 * be wrong (and would flag the row in every problem filter); the original
 * answer, a 404, stays as it was.
 */
function knownHere(delivery: NewDelivery, hasInbox: (name: string) => boolean): NewDelivery {
  return delivery.problem === 'unknown-inbox' && hasInbox(delivery.inbox)
    ? { ...delivery, problem: null }
    : delivery;
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Export and import as jobs with progress events: NDJSON is lossless (body
 * bytes as base64); HAR 1.2 for other tools. Credentials are masked on the
 * way out; on the way in every record is validated before it is stored, and
 * the first bad one ends the job with what came before it kept.
 */
export class TransferJobs {
  private readonly sweeper: NodeJS.Timeout;

  constructor(private readonly deps: TransferDeps) {
    this.sweep();
    this.sweeper = setInterval(() => this.sweep(), SWEEP_EVERY_MS);
    this.sweeper.unref();
  }

  stop(): void {
    clearInterval(this.sweeper);
  }

  dir(kind: 'exports' | 'imports'): string {
    return this.deps.files.dir(kind);
  }

  exports(): ExportFile[] {
    return this.deps.files.exports();
  }

  deleteExport(file: string): void {
    this.deps.files.deleteExport(file);
  }

  async startExport(
    input: {
      format: TransferFormat;
      deliveryIds?: number[] | undefined;
      filter?: DeliveryFilter | undefined;
    } & RecordOptions,
  ): Promise<TransferProgress> {
    const ids = input.deliveryIds ?? (await idsMatching(this.deps.deliveries, input.filter ?? {}));
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const file = `deliveries-${stamp}-${randomUUID().slice(0, 8)}.${input.format === 'har' ? 'har' : 'ndjson'}`;
    const progress = this.progress('export', ids.length, file);
    const path = join(this.dir('exports'), file);
    this.runExport(progress, ids, input.format, path, input).catch((error) => this.crashed(progress, error));
    return { ...progress };
  }

  startImport(input: { format: TransferFormat; file: string; inbox?: string | undefined }): TransferProgress {
    const path = join(this.dir('imports'), input.file);
    try {
      statSync(path);
    } catch {
      throw new ContractError('not-found', `There is no uploaded file "${input.file}".`);
    }
    const progress = this.progress('import', null, null);
    this.runImport(progress, input.format, path, input.inbox).catch((error) => this.crashed(progress, error));
    return { ...progress };
  }

  private sweep(): void {
    try {
      this.deps.files.sweep();
    } catch (error) {
      this.deps.log(`transfer: could not remove expired files: ${describeError(error)}`);
    }
  }

  /** A job that failed outside its own error handling still ends, visibly, instead of hanging at "running". */
  private crashed(progress: TransferProgress, error: unknown): void {
    this.deps.log(`transfer: ${progress.kind} job failed: ${describeError(error)}`);
    if (progress.state !== 'running') return;
    progress.state = 'failed';
    progress.error = describeError(error);
    this.push(progress);
  }

  private progress(kind: 'export' | 'import', total: number | null, file: string | null): TransferProgress {
    return {
      jobId: randomUUID(),
      kind,
      state: 'running',
      done: 0,
      total,
      imported: 0,
      skipped: 0,
      file,
      error: null,
    };
  }

  private push(progress: TransferProgress): void {
    this.deps.events.emit('transfer.progress', { ...progress });
  }

  private async runExport(
    progress: TransferProgress,
    ids: number[],
    format: TransferFormat,
    path: string,
    options: RecordOptions,
  ): Promise<void> {
    const out = createWriteStream(path, { mode: 0o600 });
    const write = async (text: string) => {
      if (!out.write(text)) await once(out, 'drain');
    };
    try {
      if (format === 'har') await write(harHead(this.deps.version));
      let first = true;
      for (const id of ids) {
        const row = await this.deps.deliveries.get(id);
        if (row) {
          const record = toRecord(row, options);
          if (format === 'har') {
            await write(
              `${first ? '' : ',\n'}${JSON.stringify(harEntry(record, headerHost(record.headers)))}`,
            );
          } else {
            await write(`${JSON.stringify(record)}\n`);
          }
          first = false;
        }
        progress.done += 1;
        if (progress.done % BATCH === 0) this.push(progress);
      }
      if (format === 'har') await write(HAR_TAIL);
      out.end();
      await once(out, 'finish');
      progress.state = 'finished';
    } catch (error) {
      out.destroy();
      progress.state = 'failed';
      progress.error = describeError(error);
    }
    this.push(progress);
  }

  private async runImport(
    progress: TransferProgress,
    format: TransferFormat,
    path: string,
    inbox: string | undefined,
  ): Promise<void> {
    let batch: NewDelivery[] = [];
    const flush = async () => {
      // Taken out first: a batch that fails to store is not tried again by the error path.
      const taken = batch;
      batch = [];
      const fresh: NewDelivery[] = [];
      for (const d of taken) if (!(await this.deps.deliveries.hasSame(d))) fresh.push(d);
      progress.skipped += taken.length - fresh.length;
      if (fresh.length > 0) {
        this.deps.onImported(await this.deps.deliveries.insertAll(fresh));
        progress.imported += fresh.length;
      }
    };
    try {
      for await (const { value, where } of this.records(format, path)) {
        try {
          batch.push(knownHere(fromRecord(value, inbox), this.deps.hasInbox));
        } catch (error) {
          throw new RecordError(`${where}: ${describeError(error)}`);
        }
        progress.done += 1;
        if (batch.length >= BATCH) {
          await flush();
          this.push(progress);
          await nextTurn();
        }
      }
      await flush();
      progress.total = progress.done;
      progress.state = 'finished';
    } catch (error) {
      progress.state = 'failed';
      progress.error = describeError(error);
      // Every record before the bad one was valid: keep them, as the README promises.
      try {
        await flush();
      } catch (storeError) {
        progress.error = `${progress.error} (and what came before could not be stored: ${describeError(storeError)})`;
      }
    } finally {
      this.deps.files.removeUpload(path);
    }
    this.push(progress);
  }

  /** The file's records, one at a time, each named by where it stands for error messages. */
  private async *records(
    format: TransferFormat,
    path: string,
  ): AsyncGenerator<{ value: unknown; where: string }> {
    if (format === 'ndjson') {
      for await (const { text, line } of ndjsonLines(path, this.deps.maxRecordBytes)) {
        let value: unknown;
        try {
          value = JSON.parse(text);
        } catch {
          throw new RecordError(`line ${line}: not JSON`);
        }
        yield { value, where: `line ${line}` };
      }
      return;
    }
    let n = 0;
    for await (const entries of harEntries(path)) {
      for (const entry of entries) {
        n += 1;
        let value: unknown;
        try {
          value = recordFromHarEntry(entry, this.deps.maxRecordBytes);
        } catch (error) {
          throw new RecordError(`entry ${n}: ${describeError(error)}`);
        }
        yield { value, where: `entry ${n}` };
      }
    }
  }
}

function headerHost(headers: Array<[string, string]>): string {
  return headers.find(([k]) => k.toLowerCase() === 'host')?.[1] ?? 'localhost';
}
