import { z } from 'zod';
import { Role } from './people';
import { TransferFile } from './transfer';

/** One state-changing call, as the audit log keeps it. Nothing in the contract edits it. */
export const AuditEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  personId: z.number().int().nullable(),
  personName: z.string(),
  role: Role,
  method: z.string(),
  /** What it acted on, as named in its input (`profile 3`, `inbox shop`, `delivery 42`…); null when nothing. */
  target: z.string().nullable(),
  outcome: z.enum(['ok', 'error']),
  /** For an error: its code and message. */
  error: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditFilter = z
  .object({
    personId: z.number().int().positive().optional(),
    method: z.string().max(64).optional(),
    outcome: z.enum(['ok', 'error']).optional(),
    from: z.iso.datetime({ offset: true }).optional(),
    to: z.iso.datetime({ offset: true }).optional(),
  })
  .strict();
export type AuditFilter = z.infer<typeof AuditFilter>;

export const ListAuditInput = AuditFilter.extend({
  /** Cursor: entries older than this id. */
  before: z.number().int().positive().optional(),
  limit: z.number().int().min(1).max(1000).default(200),
}).strict();

export const AuditExport = z.object({ file: TransferFile });

/** The audit part of the method table: a team server's log of state changes. */
export const auditMethodTable = {
  /** Every state-changing call on a team server, newest first (admin); nothing edits it. */
  'audit.list': {
    input: ListAuditInput,
    output: z.object({ items: z.array(AuditEntry), total: z.number().int() }),
  },
  /** The filtered log as an NDJSON file among the exports (GET /downloads/<file>). */
  'audit.export': { input: AuditFilter, output: AuditExport },
};
