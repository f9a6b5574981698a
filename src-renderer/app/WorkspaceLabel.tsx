import type { Whoami } from '@contract';

export interface WorkspaceWhere {
  /** host[:port] of the inspector the app's data comes from. */
  host: string;
  /** A team server opened from this app: known to be one before its whoami answers. */
  server: boolean;
}

/** "Team server inspector.example.com · Ada (operator)", or "Local". */
export function workspaceLabel(where: WorkspaceWhere, whoami: Whoami | null): string {
  if (whoami?.mode === 'team' || where.server) {
    const person = whoami?.person ?? null;
    return `Team server ${where.host}${person === null ? '' : ` · ${person.name} (${person.role})`}`;
  }
  // Until whoami answers, the address is all that is known for sure; the desktop's page has none, and is local.
  return whoami?.mode === 'local' || where.host === '' ? 'Local' : where.host;
}

export function WorkspaceLabel({ where, whoami }: { where: WorkspaceWhere; whoami: Whoami | null }) {
  const label = workspaceLabel(where, whoami);
  return (
    <span className="workspace-label" data-testid="workspace-label" title={label}>
      {label}
    </span>
  );
}
