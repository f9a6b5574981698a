import { z } from 'zod';
import { NoInput } from './no-input';
import { Role } from './people';

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

/** The workspaces part of the method table: the team servers this app opens. */
export const workspacesMethodTable = {
  /** Team servers this app can open (the local app only; tokens sealed, never listed). */
  'workspaces.list': { input: NoInput, output: z.object({ items: z.array(Workspace) }) },
  /** Checks the token with the server (its whoami) before keeping it. */
  'workspaces.add': { input: AddWorkspaceInput, output: Workspace },
  'workspaces.remove': {
    input: z.object({ id: z.number().int().positive() }).strict(),
    output: z.object({ removed: z.literal(true) }),
  },
  /** What the UI needs to connect to it: its address and the token. */
  'workspaces.open': {
    input: z.object({ id: z.number().int().positive() }).strict(),
    output: z.object({ url: z.string(), token: z.string() }),
  },
};
