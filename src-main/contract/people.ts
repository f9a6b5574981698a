import { z } from 'zod';
import { NoInput } from './no-input';

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

/** The people part of the method table: a team server's people (admin). */
export const peopleMethodTable = {
  'people.list': { input: NoInput, output: z.object({ items: z.array(Person) }) },
  /** The token is shown once, here: only its hash is kept. */
  'people.add': {
    input: z.object({ name: PersonName, role: Role }).strict(),
    output: z.object({ person: Person, token: z.string() }),
  },
  'people.revoke': { input: z.object({ id: z.number().int().positive() }).strict(), output: Person },
};
