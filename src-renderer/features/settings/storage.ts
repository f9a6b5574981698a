import type { Output } from '@contract';
import { formatCount } from '../deliveries/format';

export type StorageInfo = Output<'app.storage'>;

/** Megabytes as disk tools count them (10^6 bytes), one decimal: a size to watch, not to audit. */
export const formatMegabytes = (bytes: number): string => `${(bytes / 1_000_000).toFixed(1)} MB`;

/**
 * "12.7 MB on disk (database 12.3 MB + WAL 0.4 MB) · 1,234 deliveries"; exports
 * and uploads are named only while there are some, since they go by themselves.
 */
export function formatStorage(info: StorageInfo): string {
  const count = `${formatCount(info.deliveries)} ${info.deliveries === 1 ? 'delivery' : 'deliveries'}`;
  const parts: Array<[string, number]> = [
    ['database', info.databaseBytes],
    ['WAL', info.walBytes],
    ['exports', info.exportsBytes],
    ['uploads', info.uploadsBytes],
  ];
  const shown = parts.filter(([name, bytes]) => bytes > 0 || name === 'database' || name === 'WAL');
  const total = parts.reduce((sum, [, bytes]) => sum + bytes, 0);
  return (
    `${formatMegabytes(total)} on disk ` +
    `(${shown.map(([name, bytes]) => `${name} ${formatMegabytes(bytes)}`).join(' + ')}) · ${count}`
  );
}
