import { z } from 'zod';
import { NoInput } from './no-input';
import { Person } from './people';

export const Durability = z.enum(['full', 'normal']);
export type Durability = z.infer<typeof Durability>;

export const AppInfo = z.object({
  version: z.string(),
  /** Base URL of the webhook receiver, e.g. http://127.0.0.1:8787 */
  receiverUrl: z.string(),
  dataDir: z.string(),
  maxBodyBytes: z.number().int(),
  durability: Durability,
  defaultInbox: z.string(),
});
export type AppInfo = z.infer<typeof AppInfo>;

/**
 * Where shared state lives and whether it can be reached now. Only a team
 * server's PostgreSQL can be away; while it is, deliveries are answered 503
 * (the platforms retry) and calls that need it fail as `unavailable`.
 */
export const StoreStatus = z.object({
  engine: z.enum(['sqlite', 'postgres']),
  state: z.enum(['ok', 'unavailable']),
  /** Why it is unavailable (the database's address never includes its password). */
  reason: z.string().nullable(),
  /** When the state began, ISO 8601. */
  since: z.string(),
});
export type StoreStatus = z.infer<typeof StoreStatus>;

/** Who is calling: on the local app nobody in particular; on a team server, the token's person. */
export const Whoami = z.object({
  mode: z.enum(['local', 'team']),
  person: Person.nullable(),
});
export type Whoami = z.infer<typeof Whoami>;

/** The app part of the method table: about this inspector and who calls it. */
export const appMethodTable = {
  'app.info': { input: NoInput, output: AppInfo },
  /** Whether the shared store (a team server's database) can be reached now. */
  'app.status': { input: NoInput, output: StoreStatus },
  /** Who is calling: on a team server, the person whose token this is. */
  'app.whoami': { input: NoInput, output: Whoami },
};
