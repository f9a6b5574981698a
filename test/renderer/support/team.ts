import type { AuditEntry, Person, Role, Whoami, Workspace } from '@contract';

export function makePerson(id: number, overrides: Partial<Person> = {}): Person {
  return {
    id,
    name: `Person ${id}`,
    role: 'viewer',
    createdAt: '2026-01-01T00:00:00.000Z',
    revokedAt: null,
    ...overrides,
  };
}

/** What a team server answers to app.whoami for a person of this role. */
export const teamWhoami = (role: Role, name = 'Ada'): Whoami => ({
  mode: 'team',
  person: makePerson(7, { name, role }),
});

export const LOCAL_WHOAMI: Whoami = { mode: 'local', person: null };

export function makeWorkspace(id: number, overrides: Partial<Workspace> = {}): Workspace {
  return {
    id,
    name: `Server ${id}`,
    url: `https://server${id}.example.com`,
    personName: 'Ada',
    role: 'operator',
    ...overrides,
  };
}

export function makeAuditEntry(id: number, overrides: Partial<AuditEntry> = {}): AuditEntry {
  return {
    id,
    at: new Date(Date.UTC(2026, 0, 1, 12, 0, id)).toISOString(),
    personId: 7,
    personName: 'Ada',
    role: 'operator',
    method: 'replay.start',
    target: `delivery ${id}`,
    outcome: 'ok',
    error: null,
    ...overrides,
  };
}
