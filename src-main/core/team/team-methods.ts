import type { Service } from '@contract';
import type { PgAuditStore } from '../audit/audit-store';
import { auditMethods } from '../audit/methods';
import { peopleMethods } from '../people/methods';
import type { PgPeopleStore } from '../people/people-store';

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
    ...peopleMethods(people),
    ...auditMethods({ audit, exportsDir }),
  };
}
