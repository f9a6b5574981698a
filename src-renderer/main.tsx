// App-wide sheets, in cascade order; each feature imports its own sheet beside it.
import './app/tokens.css';
import './app/base.css';
import './app/shell.css';
import './app/controls.css';
import './app/forms.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { connectToServer, getApi } from './api';
import { Root } from './app/Root';
import { createSessionStore } from './app/session';
import { PanelBoundary } from './components/ErrorBoundary';
import { createWorkspacesStore } from './features/workspaces/store';

const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root element.');

// The app's own inspector keeps the list of team servers; the session opens one of them, or stays home.
const home = getApi();
const workspaces = createWorkspacesStore(home);
const sessions = createSessionStore({ home, connect: connectToServer, storage: localStorageOrNull() });
// Outside React, so StrictMode's double effects cannot open anything twice.
workspaces.getState().start();
void sessions.getState().restore();

createRoot(root).render(
  <StrictMode>
    {/* The last net: panels have their own boundaries, but a failure around them must not blank the window. */}
    <PanelBoundary name="inspector">
      <Root sessions={sessions} workspaces={workspaces} pageHost={window.location.host} />
    </PanelBoundary>
  </StrictMode>,
);

function localStorageOrNull(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    // Storage switched off: the last workspace is not remembered.
    return null;
  }
}
