import type { Output } from '@contract';
import { formatCount } from '../deliveries/format';

export type StorageInfo = Output<'app.storage'>;

/** Megabytes as disk tools count them (10^6 bytes), one decimal: a size to watch, not to audit. */
export const formatMegabytes = (bytes: number): string => `${(bytes / 1_000_000).toFixed(1)} MB`;

/** "12.7 MB on disk (database 12.3 MB + WAL 0.4 MB) · 1,234 deliveries" */
export function formatStorage(info: StorageInfo): string {
  const count = `${formatCount(info.deliveries)} ${info.deliveries === 1 ? 'delivery' : 'deliveries'}`;
  return (
    `${formatMegabytes(info.databaseBytes + info.walBytes)} on disk ` +
    `(database ${formatMegabytes(info.databaseBytes)} + WAL ${formatMegabytes(info.walBytes)}) · ${count}`
  );
}
