import type { ReactNode } from 'react';
import type { WorkspaceWhere } from './WorkspaceLabel';

interface AuthRequiredProps {
  where: WorkspaceWhere;
  /** Kept on screen for a team server, so the person can go elsewhere. */
  switcher?: ReactNode;
}

/** Every call was refused for the token, so nothing else on the page could work. */
export function AuthRequired({ where, switcher }: AuthRequiredProps) {
  if (where.server) {
    return (
      <main className="auth-required" data-testid="auth-required">
        <h1>{where.host} refused the token kept for it</h1>
        <p>
          The token may have been revoked. Ask an admin of the team server for a new one, then remove the
          server and add it again with that token — or open another workspace.
        </p>
        {switcher}
      </main>
    );
  }
  return (
    <main className="auth-required" data-testid="auth-required">
      <h1>This link's access token is missing or wrong</h1>
      <p>
        The inspector only answers pages opened with the secret link it prints when it starts. Open the URL
        printed in the terminal by <code>npm start</code> or <code>npm run serve</code> — it ends in{' '}
        <code>?token=…</code>.
      </p>
      <p className="muted">
        If the inspector was restarted, it has a new token: copy the link again from its latest output. On a
        team server, ask an admin for a personal token.
      </p>
    </main>
  );
}
