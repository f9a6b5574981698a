import { z } from 'zod';
import { TransferFile } from './transfer';

/**
 * What a person may do on a team server: a viewer reads everything but
 * secrets, an operator also acts on deliveries (replays, replies, signed
 * links), an admin also configures (profiles, keys, inbox settings, people).
 */
export const Role = z.enum(['viewer', 'operator', 'admin']);
export type Role = z.infer<typeof Role>;

export const PersonName = z.string().trim().min(1, 'a name is required').max(80);

export const Person = z.object({
  id: z.number().int(),
  name: z.string(),
  role: Role,
  createdAt: z.string(),
  /** Once set, the person's token opens nothing, and their open sessions are cut. */
  revokedAt: z.string().nullable(),
});
export type Person = z.infer<typeof Person>;

/** Who is calling: on the local app nobody in particular; on a team server, the token's person. */
export const Whoami = z.object({
  mode: z.enum(['local', 'team']),
  person: Person.nullable(),
});
export type Whoami = z.infer<typeof Whoami>;

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

/** A team server the local app can open: its address, and whose token it keeps (sealed). */
export const Workspace = z.object({
  id: z.number().int(),
  name: z.string(),
  url: z.string(),
  /** The person the token belongs to, as the server said when it was added. */
  personName: z.string(),
  role: Role,
});
export type Workspace = z.infer<typeof Workspace>;

export const AddWorkspaceInput = z
  .object({
    name: z.string().trim().min(1).max(80),
    /** The server's UI address, e.g. https://inspector.example.com */
    url: z.url({ protocol: /^https?$/ }),
    token: z.string().trim().min(16).max(256),
  })
  .strict();

export const AuditExport = z.object({ file: TransferFile });
