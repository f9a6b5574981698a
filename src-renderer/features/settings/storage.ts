import type { StorageInfo } from '@contract';
import { formatCount } from '../deliveries/format';

/**
 * A size as disk tools count them (powers of 1000), in the unit that keeps
 * it readable: a fresh database is "4.1 kB", not "0.0 MB"; a big one is
 * "2.55 GB", not "2550.0 MB". A size to watch, not to audit.
 */
export function formatDiskSize(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1_000_000) return `${(bytes / 1000).toFixed(bytes < 100_000 ? 1 : 0)} kB`;
  if (bytes < 1_000_000_000) return `${(bytes / 1_000_000).toFixed(1)} MB`;
  return `${(bytes / 1_000_000_000).toFixed(2)} GB`;
}

/**
 * "12.7 MB on disk (database 12.3 MB + WAL 0.4 MB) · 1,234 deliveries in all
 * inboxes": the file is shared, so the count is too, whichever inbox the
 * panel around it is set for. Exports and uploads are named only while there
 * are some, since they go by themselves.
 */
export function formatStorage(info: StorageInfo): string {
  const count = `${formatCount(info.deliveries)} ${info.deliveries === 1 ? 'delivery' : 'deliveries'} in all inboxes`;
  const parts: Array<[string, number]> = [
    ['database', info.databaseBytes],
    ['WAL', info.walBytes],
    ['exports', info.exportsBytes],
    ['uploads', info.uploadsBytes],
  ];
  const shown = parts.filter(([name, bytes]) => bytes > 0 || name === 'database' || name === 'WAL');
  const total = parts.reduce((sum, [, bytes]) => sum + bytes, 0);
  return (
    `${formatDiskSize(total)} on disk ` +
    `(${shown.map(([name, bytes]) => `${name} ${formatDiskSize(bytes)}`).join(' + ')}) · ${count}`
  );
}
