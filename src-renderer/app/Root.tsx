import { useStore } from 'zustand';
import { WorkspacesProvider } from '../features/workspaces/context';
import type { WorkspacesStore } from '../features/workspaces/store';
import { WorkspaceSwitcher } from '../features/workspaces/WorkspaceSwitcher';
import { App } from './App';
import type { SessionStore } from './session';

interface RootProps {
  sessions: SessionStore;
  workspaces: WorkspacesStore;
  /** host[:port] of the inspector that served this page. */
  pageHost: string;
}

/** The open workspace's app, rebuilt from scratch on every switch, with the switcher in its header. */
export function Root({ sessions, workspaces, pageHost }: RootProps) {
  const session = useStore(sessions, (state) => state.session);
  const opening = useStore(sessions, (state) => state.opening);
  const error = useStore(sessions, (state) => state.error);
  const clearError = useStore(sessions, (state) => state.clearError);

  if (session === null) {
    return (
      <p className="note" data-testid="workspace-opening">
        Opening {opening === null ? 'the inspector' : opening.name}…
      </p>
    );
  }
  const { place } = session;
  const openId = place.kind === 'server' ? place.workspace.id : null;
  const where =
    place.kind === 'server'
      ? { host: new URL(place.workspace.url).host, server: true }
      : { host: pageHost, server: false };

  return (
    <WorkspacesProvider store={workspaces}>
      {error !== null && (
        <div className="store-banner" role="alert" data-testid="workspace-error">
          {error}{' '}
          <button type="button" className="link-button" onClick={clearError}>
            Dismiss
          </button>
        </div>
      )}
      <App
        key={session.key}
        stores={session.stores}
        where={where}
        switcher={
          <WorkspaceSwitcher
            openId={openId}
            opening={opening}
            onOpen={(workspace) => {
              const { open, openHome } = sessions.getState();
              if (workspace === null) openHome();
              else void open(workspace);
            }}
          />
        }
      />
    </WorkspacesProvider>
  );
}
