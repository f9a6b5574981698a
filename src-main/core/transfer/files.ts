import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ContractError, type ExportFile, TransferFile } from '@contract';
import { ownerOnlyDir } from '../store/owner-only';

export const EXPORTS_DIR = 'exports';
export const IMPORTS_DIR = 'imports';

export interface TransferFileLimits {
  /** How long an export is kept for download (default 24 h). */
  exportTtlMs: number;
  /** How long an upload that was never imported is kept (default 1 h). */
  uploadTtlMs: number;
  /** What exports and uploads may take together; an upload past it is refused (default 2 GiB). */
  quotaBytes: number;
}

export const DEFAULT_TRANSFER_LIMITS: TransferFileLimits = {
  exportTtlMs: 24 * 60 * 60 * 1000,
  uploadTtlMs: 60 * 60 * 1000,
  quotaBytes: 2 * 1024 * 1024 * 1024,
};

interface Entry {
  name: string;
  path: string;
  bytes: number;
  mtimeMs: number;
}

/**
 * The exports and uploads folders. Both hold copies of deliveries, so they
 * are kept no longer than needed: uploads go once imported, exports expire,
 * and together they stay under a quota.
 */
export class TransferFiles {
  constructor(
    private readonly dataDir: string,
    readonly limits: TransferFileLimits = DEFAULT_TRANSFER_LIMITS,
  ) {}

  get quotaBytes(): number {
    return this.limits.quotaBytes;
  }

  dir(kind: 'exports' | 'imports'): string {
    const path = join(this.dataDir, kind === 'exports' ? EXPORTS_DIR : IMPORTS_DIR);
    // Exports and uploads are whole deliveries: private like the database.
    ownerOnlyDir(path);
    return path;
  }

  exports(): ExportFile[] {
    return this.entries('exports')
      .filter((e) => /\.(ndjson|har)$/.test(e.name))
      .sort((a, b) => b.mtimeMs - a.mtimeMs)
      .map((e) => ({
        file: e.name,
        format: e.name.endsWith('.har') ? 'har' : 'ndjson',
        bytes: e.bytes,
        createdAt: new Date(e.mtimeMs).toISOString(),
        expiresAt: new Date(e.mtimeMs + this.limits.exportTtlMs).toISOString(),
      }));
  }

  deleteExport(file: string): void {
    if (!TransferFile.safeParse(file).success || !this.entries('exports').some((e) => e.name === file)) {
      throw new ContractError('not-found', `There is no export "${file}".`);
    }
    rmSync(join(this.dir('exports'), file), { force: true });
  }

  /** Removes an uploaded file once its import has ended, whatever the outcome. */
  removeUpload(path: string): void {
    rmSync(path, { force: true });
  }

  usage(): { exportsBytes: number; uploadsBytes: number } {
    const sum = (entries: Entry[]) => entries.reduce((n, e) => n + e.bytes, 0);
    return { exportsBytes: sum(this.entries('exports')), uploadsBytes: sum(this.entries('imports')) };
  }

  /** Bytes an upload may still take before the quota is reached. */
  room(): number {
    const { exportsBytes, uploadsBytes } = this.usage();
    return Math.max(0, this.limits.quotaBytes - exportsBytes - uploadsBytes);
  }

  /** Deletes expired exports and uploads never imported; returns how many went. */
  sweep(now = Date.now()): number {
    let removed = 0;
    for (const [kind, ttl] of [
      ['exports', this.limits.exportTtlMs],
      ['imports', this.limits.uploadTtlMs],
    ] as const) {
      for (const e of this.entries(kind)) {
        if (now - e.mtimeMs < ttl) continue;
        rmSync(e.path, { force: true });
        removed += 1;
      }
    }
    return removed;
  }

  private entries(kind: 'exports' | 'imports'): Entry[] {
    const dir = this.dir(kind);
    const out: Entry[] = [];
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      try {
        const stat = statSync(path);
        if (stat.isFile()) out.push({ name, path, bytes: stat.size, mtimeMs: stat.mtimeMs });
      } catch {
        // Removed between the listing and the stat: nothing to count.
      }
    }
    return out;
  }
}
