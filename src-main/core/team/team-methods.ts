import type { Service } from '@contract';
import type { PgAuditStore } from '../audit/audit-store';
import { auditMethods } from '../audit/methods';
import { peopleMethods } from '../people/methods';
import type { PgPeopleStore } from '../people/people-store';

type TeamMethods = Pick<
  Service,
  'people.list' | 'people.add' | 'people.revoke' | 'audit.list' | 'audit.export'
>;

export interface TeamMethodDeps {
  people: PgPeopleStore;
  audit: PgAuditStore;
  /** Where exports are written: the audit log's export lands beside the deliveries'. */
  exportsDir: () => string;
}

/** People and the audit log on a team server (who is calling is app.whoami's, answered by TeamGate). */
export function teamMethods({ people, audit, exportsDir }: TeamMethodDeps): TeamMethods {
  return {
    ...peopleMethods(people),
    ...auditMethods({ audit, exportsDir }),
  };
}
