import type { Service } from '@contract';
import { PgAuditStore } from '../audit/audit-store';
import { PgPeopleStore } from '../people/people-store';
import type { StoreHealth } from '../store/health';
import type { TeamState } from '../store/pg/team-state';
import { TeamGate } from './gate';
import { teamMethods } from './team-methods';

/** A team server's people and audit log on its database: the methods, and the gate calls pass through. */
export function teamAccess(team: TeamState, origin: string) {
  const people = new PgPeopleStore(team.sql, origin);
  const audit = new PgAuditStore(team.sql);
  return {
    methods: (exportsDir: () => string) => teamMethods({ people, audit, exportsDir }),
    gate: (service: Service, health: StoreHealth, log: (message: string) => void) =>
      new TeamGate({
        service,
        people,
        audit,
        unreachable: team.unreachable,
        health,
        onPeopleChanged: team.onPeopleChanged,
        log,
      }),
  };
}
