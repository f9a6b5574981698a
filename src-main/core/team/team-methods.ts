import type { Service } from '@contract';
import type { PgAuditStore } from './audit-store';
import type { PgPeopleStore } from './people-store';

type TeamMethods = Pick<
  Service,
  'app.whoami' | 'people.list' | 'people.add' | 'people.revoke' | 'audit.list' | 'audit.export'
>;

export interface TeamMethodDeps {
  people: PgPeopleStore;
  audit: PgAuditStore;
  /** Where exports are written: the audit log's export lands beside the deliveries'. */
  exportsDir: () => string;
}

/**
 * People and the audit log on a team server. Who is calling is the web
 * bridge's to say (see TeamGate): called without a person, whoami names nobody.
 */
export function teamMethods({ people, audit, exportsDir }: TeamMethodDeps): TeamMethods {
  return {
    'app.whoami': () => ({ mode: 'team', person: null }),
    'people.list': async () => ({ items: await people.list() }),
    'people.add': ({ name, role }) => people.add(name, role),
    'people.revoke': ({ id }) => people.revoke({ id }),
    'audit.list': (input) => audit.list(input),
    'audit.export': async (filter) => ({ file: await audit.exportTo(exportsDir(), filter) }),
  };
}
