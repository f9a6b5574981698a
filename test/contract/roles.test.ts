import { describe, expect, it } from 'vitest';
import { METHOD_NAMES } from '../../src-main/contract/names';
import { changesState, METHOD_ROLES, roleAllows } from '../../src-main/contract/roles';

describe('roles per method', () => {
  it('ranks roles: an admin may do what an operator may, an operator what a viewer may', () => {
    for (const method of METHOD_NAMES) {
      if (roleAllows('viewer', method)) expect(roleAllows('operator', method), method).toBe(true);
      if (roleAllows('operator', method)) expect(roleAllows('admin', method), method).toBe(true);
    }
    expect(METHOD_NAMES.filter((m) => METHOD_ROLES[m] === 'local').some((m) => roleAllows('admin', m))).toBe(
      false,
    );
  });

  it('audits what an operator or admin does, but not reads: a viewer’s, nor an admin’s of people and the log', () => {
    const audited = METHOD_NAMES.filter(changesState);
    expect(audited).toContain('replay.start');
    expect(audited).toContain('people.revoke');
    expect(audited).toContain('audit.export');
    expect(audited).not.toContain('people.list');
    expect(audited).not.toContain('audit.list');
    expect(audited.filter((m) => METHOD_ROLES[m] === 'viewer' || METHOD_ROLES[m] === 'local')).toEqual([]);
  });
});
