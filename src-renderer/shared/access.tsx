import type { Whoami } from '@contract';
import type { MethodName } from '@contract/names';
// Zod-free: the same table the server refuses calls by.
import { METHOD_ROLES, type RoleName, roleAllows } from '@contract/roles';
import { createContext, type ReactNode, useContext, useMemo } from 'react';

/** Whether the person may make a call, and if not, why: the title of the control it disables. */
export interface Allowed {
  allowed: boolean;
  reason: string | undefined;
}

const ALLOWED: Allowed = { allowed: true, reason: undefined };

/**
 * The role calls are checked against: null where no roles apply (the local
 * app) or while whoami is not known yet, when the server still refuses
 * what the role does not allow.
 */
export function roleOf(whoami: Whoami | null): RoleName | null {
  if (whoami === null || whoami.mode === 'local') return null;
  // A team server that names nobody should not happen; the least role is the safe reading.
  return whoami.person?.role ?? 'viewer';
}

export function allowedFor(role: RoleName | null, method: MethodName): Allowed {
  if (role === null || roleAllows(role, method)) return ALLOWED;
  const needed = METHOD_ROLES[method];
  return {
    allowed: false,
    reason:
      needed === 'local'
        ? 'Only the app on your machine does this, not a team server'
        : `Needs the ${needed} role (you are ${role === 'viewer' ? 'a' : 'an'} ${role})`,
  };
}

const RoleContext = createContext<RoleName | null>(null);

export function RoleProvider({ role, children }: { role: RoleName | null; children: ReactNode }) {
  return <RoleContext.Provider value={role}>{children}</RoleContext.Provider>;
}

/** The open workspace's role for this person; null on the local app. */
export function useRole(): RoleName | null {
  return useContext(RoleContext);
}

/**
 * Whether the person may call `method` where they are: every control that
 * changes something asks this, and is disabled with `reason` as its title.
 */
export function useAllowed(method: MethodName): Allowed {
  const role = useRole();
  return useMemo(() => allowedFor(role, method), [role, method]);
}
