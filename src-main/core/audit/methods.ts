import type { Service } from '@contract';
import type { PgAuditStore } from './audit-store';

export interface AuditDeps {
  audit: PgAuditStore;
  /** Where exports are written: the audit log's export lands beside the deliveries'. */
  exportsDir: () => string;
}

/** A team server's audit log: read, filtered, and exported as NDJSON. */
export function auditMethods({ audit, exportsDir }: AuditDeps): Pick<Service, 'audit.list' | 'audit.export'> {
  return {
    'audit.list': (input) => audit.list(input),
    'audit.export': async (filter) => ({ file: await audit.exportTo(exportsDir(), filter) }),
  };
}
