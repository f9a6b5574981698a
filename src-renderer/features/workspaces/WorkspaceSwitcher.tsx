import type { Workspace } from '@contract';
import { useState } from 'react';
import { ConfirmButton } from '../../components/ConfirmButton';
import { Dialog } from '../../components/Dialog';
import { ErrorMessage } from '../../components/ErrorMessage';
import { AddWorkspaceForm } from './AddWorkspaceForm';
import { useWorkspaces } from './context';
import './workspaces.css';
import { FormError } from '../../components/FormFooter';

interface WorkspaceSwitcherProps {
  /** The open team server's id; null while the app's own inspector is open. */
  openId: number | null;
  /** The server being opened, while it is. */
  opening: Workspace | null;
  /** null: back to the app's own inspector. */
  onOpen: (workspace: Workspace | null) => void;
}

const hostOf = (url: string) => {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
};

/** Local and the team servers this app keeps, in a dialog: open one, add one, remove one. */
export function WorkspaceSwitcher({ openId, opening, onOpen }: WorkspaceSwitcherProps) {
  const available = useWorkspaces((state) => state.available);
  const [shown, setShown] = useState(false);
  if (!available) return null;
  return (
    <>
      <button
        type="button"
        className="button"
        data-testid="workspace-switcher"
        aria-haspopup="dialog"
        disabled={opening !== null}
        onClick={() => setShown(true)}
      >
        {opening === null ? 'Switch…' : `Opening ${opening.name}…`}
      </button>
      {shown && (
        <WorkspacesDialog
          openId={openId}
          onOpen={(workspace) => {
            setShown(false);
            onOpen(workspace);
          }}
          onClose={() => setShown(false)}
        />
      )}
    </>
  );
}

interface WorkspacesDialogProps {
  openId: number | null;
  onOpen: (workspace: Workspace | null) => void;
  onClose: () => void;
}

function WorkspacesDialog({ openId, onOpen, onClose }: WorkspacesDialogProps) {
  const items = useWorkspaces((state) => state.items);
  const loaded = useWorkspaces((state) => state.loaded);
  const error = useWorkspaces((state) => state.error?.message ?? null);
  const removing = useWorkspaces((state) => state.removing);
  const removeError = useWorkspaces((state) => state.removeError?.message ?? null);
  const reload = useWorkspaces((state) => state.reload);
  const remove = useWorkspaces((state) => state.remove);

  const removeOne = async (workspace: Workspace) => {
    // The open server's token is gone with it: the app goes back to its own inspector.
    if ((await remove(workspace.id)) && workspace.id === openId) onOpen(null);
  };

  return (
    <Dialog title="Workspaces" onClose={onClose} testId="workspaces-dialog">
      <ul className="workspace-list" data-testid="workspace-list">
        <li className="workspace-item" data-testid="workspace-local">
          <span className="workspace-name">Local</span>
          <span className="muted">this machine's inspector</span>
          <span className="header-spacer" />
          <OpenButton open={openId === null} onClick={() => onOpen(null)} />
        </li>
        {items.map((workspace) => (
          <li
            key={workspace.id}
            className="workspace-item"
            data-testid="workspace-item"
            data-id={workspace.id}
          >
            <span className="workspace-name">{workspace.name}</span>
            <code>{hostOf(workspace.url)}</code>
            <span className="muted">
              as {workspace.personName} ({workspace.role})
            </span>
            <span className="header-spacer" />
            <OpenButton open={workspace.id === openId} onClick={() => onOpen(workspace)} />
            <ConfirmButton
              label="Remove"
              question={`Remove ${workspace.name} and its token from this app?`}
              testId="workspace-remove"
              disabled={removing !== null}
              busyLabel={removing === workspace.id ? 'Removing…' : null}
              onConfirm={() => void removeOne(workspace)}
            />
          </li>
        ))}
      </ul>
      {!loaded && error === null && <p className="note">Reading the list of team servers…</p>}
      {error !== null && (
        <ErrorMessage message={`The list of team servers failed to load: ${error}`} onRetry={reload} />
      )}
      <FormError error={removeError} testId="workspace-remove-error" />
      <AddWorkspaceForm onAdded={(workspace) => onOpen(workspace)} />
    </Dialog>
  );
}

function OpenButton({ open, onClick }: { open: boolean; onClick: () => void }) {
  return (
    <button
      type="button"
      className="button"
      data-testid="workspace-open"
      disabled={open}
      aria-current={open ? 'true' : undefined}
      onClick={onClick}
    >
      {open ? 'Open now' : 'Open'}
    </button>
  );
}
