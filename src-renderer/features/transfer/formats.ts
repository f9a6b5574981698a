import type { TransferFormat } from '@contract';

export const FORMAT_LABELS: Record<TransferFormat, string> = {
  ndjson: 'NDJSON (lossless)',
  har: 'HAR 1.2',
};

/** The file picker's filter: what an export writes, and JSON for HAR files saved under that name. */
export const IMPORT_ACCEPT = '.ndjson,.jsonl,.har,.json';

/**
 * The format a file's name suggests, or null. A `.json` file is taken for
 * HAR: a HAR log is one JSON document, while NDJSON goes by .ndjson or .jsonl.
 */
export function formatFromName(name: string): TransferFormat | null {
  const ext = /\.([A-Za-z0-9]+)$/.exec(name)?.[1]?.toLowerCase();
  if (ext === 'ndjson' || ext === 'jsonl') return 'ndjson';
  if (ext === 'har' || ext === 'json') return 'har';
  return null;
}
