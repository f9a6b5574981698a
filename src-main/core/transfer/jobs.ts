import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createReadStream, createWriteStream, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { ContractError, type DeliveryFilter, type TransferFormat, type TransferProgress } from '@contract';
import type { NewDelivery } from '../deliveries/records';
import type { DeliveryRepository } from '../deliveries/repository';
import type { EventHub } from '../events';
import { ownerOnlyDir } from '../store/owner-only';
import { HAR_TAIL, harEntry, harHead, recordsFromHar } from './har';
import { fromRecord, toRecord } from './record';

export const EXPORTS_DIR = 'exports';
export const IMPORTS_DIR = 'imports';
const BATCH = 500;
const MAX_HAR_BYTES = 512 * 1024 * 1024;

/**
 * Export and import as jobs with progress events: NDJSON is lossless (body
 * bytes as base64); HAR 1.2 for other tools. Credentials in headers are
 * masked on the way out; an import skips deliveries already stored.
 */
export class TransferJobs {
  constructor(
    private readonly dataDir: string,
    private readonly deliveries: DeliveryRepository,
    private readonly events: EventHub,
    private readonly version: string,
    private readonly onImported: (items: ReturnType<DeliveryRepository['insertAll']>) => void,
  ) {}

  dir(kind: 'exports' | 'imports'): string {
    const path = join(this.dataDir, kind === 'exports' ? EXPORTS_DIR : IMPORTS_DIR);
    // Exports and uploads are whole deliveries: private like the database.
    ownerOnlyDir(path);
    return path;
  }

  startExport(input: {
    format: TransferFormat;
    deliveryIds?: number[] | undefined;
    filter?: DeliveryFilter | undefined;
  }): TransferProgress {
    const ids = input.deliveryIds ?? this.matching(input.filter ?? {});
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const file = `deliveries-${stamp}-${randomUUID().slice(0, 8)}.${input.format === 'har' ? 'har' : 'ndjson'}`;
    const progress = this.progress('export', ids.length, file);
    void this.runExport(progress, ids, input.format, join(this.dir('exports'), file));
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
    void this.runImport(progress, input.format, path, input.inbox);
    return { ...progress };
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
    this.events.emit('transfer.progress', { ...progress });
  }

  private matching(filter: DeliveryFilter): number[] {
    const ids: number[] = [];
    let before: number | undefined;
    for (;;) {
      const page = this.deliveries.search({ ...filter, before, limit: 1000 });
      ids.push(...page.items.map((i) => i.id));
      if (page.items.length < 1000) return ids.reverse();
      before = page.items.at(-1)?.id;
    }
  }

  private async runExport(
    progress: TransferProgress,
    ids: number[],
    format: TransferFormat,
    path: string,
  ): Promise<void> {
    const out = createWriteStream(path, { mode: 0o600 });
    const write = async (text: string) => {
      if (!out.write(text)) await once(out, 'drain');
    };
    try {
      if (format === 'har') await write(harHead(this.version));
      let first = true;
      for (const id of ids) {
        const row = this.deliveries.get(id);
        if (row) {
          const record = toRecord(row);
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
      progress.error = (error as Error).message;
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
    const flush = () => {
      const fresh = batch.filter((d) => !this.deliveries.hasSame(d));
      progress.skipped += batch.length - fresh.length;
      if (fresh.length > 0) {
        this.onImported(this.deliveries.insertAll(fresh));
        progress.imported += fresh.length;
      }
      batch = [];
      this.push(progress);
    };
    const take = (value: unknown, where: string) => {
      try {
        batch.push(fromRecord(value, inbox));
      } catch (error) {
        throw new Error(`${where}: ${(error as Error).message}`);
      }
      progress.done += 1;
      if (batch.length >= BATCH) flush();
    };
    try {
      if (format === 'ndjson') {
        const lines = createInterface({
          input: createReadStream(path, 'utf8'),
          crlfDelay: Number.POSITIVE_INFINITY,
        });
        let n = 0;
        for await (const line of lines) {
          n += 1;
          if (line.trim() === '') continue;
          let value: unknown;
          try {
            value = JSON.parse(line);
          } catch {
            throw new Error(`line ${n}: not JSON`);
          }
          take(value, `line ${n}`);
        }
      } else {
        if (statSync(path).size > MAX_HAR_BYTES)
          throw new Error('The HAR file is over 512 MiB; export NDJSON instead.');
        let har: unknown;
        try {
          har = JSON.parse(readFileSync(path, 'utf8'));
        } catch {
          throw new Error('The file is not JSON, so not a HAR log.');
        }
        for (const [i, record] of recordsFromHar(har).entries()) take(record, `entry ${i + 1}`);
      }
      flush();
      progress.total = progress.done;
      progress.state = 'finished';
    } catch (error) {
      // What was read before the bad line is kept: nothing imported is lost.
      flush();
      progress.state = 'failed';
      progress.error = (error as Error).message;
    }
    this.push(progress);
  }
}

function headerHost(headers: Array<[string, string]>): string {
  return headers.find(([k]) => k.toLowerCase() === 'host')?.[1] ?? 'localhost';
}
