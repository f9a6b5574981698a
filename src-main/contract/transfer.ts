import { z } from 'zod';
import { DeliveryFilter, InboxName } from './deliveries';

export const TransferFormat = z.enum(['ndjson', 'har']);
export type TransferFormat = z.infer<typeof TransferFormat>;

/** A file name the inspector made in its exports or uploads folder: nothing that walks paths. */
export const TransferFile = z
  .string()
  .regex(/^[A-Za-z0-9._-]{1,128}$/, 'a transfer file name')
  .refine((v) => !v.startsWith('.'));

export const ExportInput = z
  .object({
    format: TransferFormat,
    deliveryIds: z.array(z.number().int().positive()).min(1).max(1_000_000).optional(),
    filter: DeliveryFilter.optional(),
  })
  .strict();

export const ImportInput = z
  .object({
    format: TransferFormat,
    /** A file uploaded to the web bridge (POST /uploads) or placed in the data dir's imports folder. */
    file: TransferFile,
    /** Put everything into this inbox; omitted: each delivery's own inbox. */
    inbox: InboxName.optional(),
  })
  .strict();

export const TransferProgress = z.object({
  jobId: z.string(),
  kind: z.enum(['export', 'import']),
  state: z.enum(['running', 'finished', 'failed']),
  done: z.number().int(),
  /** Known for exports; for imports, null until the end. */
  total: z.number().int().nullable(),
  /** Imports: stored, and skipped because an identical delivery was already there. */
  imported: z.number().int(),
  skipped: z.number().int(),
  /** Exports: the file to download (GET /downloads/<file> on the web bridge). */
  file: z.string().nullable(),
  error: z.string().nullable(),
});
export type TransferProgress = z.infer<typeof TransferProgress>;
