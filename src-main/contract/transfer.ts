import { z } from 'zod';
import { DeliveryFilter, Invocation, Problem, Summary } from './deliveries';
import { DEFAULT_INBOX } from './inbox-rules';
import { InboxName } from './inboxes';
import { NoInput } from './no-input';

export const TransferFormat = z.enum(['ndjson', 'har']);
export type TransferFormat = z.infer<typeof TransferFormat>;

/** A file name the inspector made in its exports or uploads folder: nothing that walks paths. */
export const TransferFile = z
  .string()
  .regex(/^[A-Za-z0-9._-]{1,128}$/, 'a transfer file name')
  .refine((v) => !v.startsWith('.'));

/** A file the inspector now holds in its imports folder: the web bridge's `POST /uploads` answer. */
export const UploadedFile = z.object({ file: TransferFile, size: z.number().int().nonnegative() });
export type UploadedFile = z.infer<typeof UploadedFile>;

/** The most one upload (web) or picked file (desktop) may be. */
export const MAX_UPLOAD_BYTES = 1024 * 1024 * 1024;

const mib = (bytes: number) => `${Math.floor(bytes / 1024 / 1024)} MiB`;

/**
 * How large a file the imports folder takes now, given what the
 * exports-and-uploads quota has left, and what to say past it.
 */
export function uploadLimit(room: number): { limit: number; tooLarge: string } {
  return {
    limit: Math.min(MAX_UPLOAD_BYTES, room),
    tooLarge:
      room < MAX_UPLOAD_BYTES
        ? `Exports and uploads may take ${mib(room)} more on disk: delete old exports (Export dialog) or wait for them to expire.`
        : 'The file is over 1 GiB.',
  };
}

/** The name a file gets in the imports folder: the original's extension when it is one we read, never its path. */
export function uploadFileName(original: string, id: string): string {
  const ext = /\.(har|ndjson|jsonl|json)$/i.exec(original)?.[1]?.toLowerCase() ?? 'bin';
  return `upload-${id}.${ext}`;
}

export const ExportInput = z
  .object({
    format: TransferFormat,
    deliveryIds: z.array(z.number().int().positive()).min(1).max(1_000_000).optional(),
    filter: DeliveryFilter.optional(),
    /** Also mask `sig` of signed-link hits (their other fields stay, so the file is no longer lossless for them). */
    maskLinkSignatures: z.boolean().optional(),
  })
  .strict();
export type ExportInput = z.input<typeof ExportInput>;

/** An export kept in the data dir until it expires or is deleted. */
export const ExportFile = z.object({
  file: TransferFile,
  format: TransferFormat,
  bytes: z.number().int(),
  createdAt: z.string(),
  /** Exports are deleted by themselves after this time. */
  expiresAt: z.string(),
});
export type ExportFile = z.infer<typeof ExportFile>;

export const ImportInput = z
  .object({
    format: TransferFormat,
    /** A file uploaded to the web bridge (POST /uploads) or placed in the data dir's imports folder; removed once read. */
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

/** An HTTP method token (RFC 9110), as a request line carries it. */
const HttpMethod = z.string().regex(/^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,32}$/, 'an HTTP method');

/**
 * One NDJSON line of an export (`bwi-delivery/1`): a delivery, lossless. An
 * imported file is someone else's input, so every record is parsed with this
 * before it reaches the store; fields older exports left out take defaults.
 */
export const DeliveryRecord = z.object({
  format: z.literal('bwi-delivery/1'),
  receivedAt: z.iso.datetime({ offset: true }),
  inbox: InboxName.default(DEFAULT_INBOX),
  method: HttpMethod.default('POST'),
  path: z.string().startsWith('/', 'a path starts with "/"').max(8192).default('/webhook'),
  query: z.string().max(65_536).default(''),
  headers: z.array(z.tuple([z.string().max(8192), z.string().max(65_536)])).max(1000),
  remoteAddress: z.string().max(128).nullable().default(null),
  bodyBase64: z.base64(),
  /** Bytes announced or seen; the decoded body's length when absent. */
  bodySize: z.number().int().nonnegative().optional(),
  bodyOmitted: z.boolean().default(false),
  responseStatus: z.number().int().min(100).max(599).default(200),
  responseBody: z.string().default(''),
  problem: Problem.nullable().default(null),
  summary: Summary,
  invocation: Invocation.nullable().default(null),
});
export type DeliveryRecord = z.output<typeof DeliveryRecord>;

/** The transfer part of the method table: exports to files and imports from them. */
export const transferMethodTable = {
  /** Writes the selection or filter (default: everything) to a file; progress as `transfer.progress`. */
  'export.start': { input: ExportInput, output: TransferProgress },
  /** The exports kept, newest first: each until it expires or is deleted. */
  'export.list': { input: NoInput, output: z.object({ items: z.array(ExportFile) }) },
  'export.delete': {
    input: z.object({ file: TransferFile }).strict(),
    output: z.object({ deleted: z.literal(true) }),
  },
  /** Reads an uploaded NDJSON or HAR file back in, skipping deliveries already stored. */
  'import.start': { input: ImportInput, output: TransferProgress },
};
