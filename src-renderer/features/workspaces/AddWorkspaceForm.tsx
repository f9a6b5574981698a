import type { Workspace } from '@contract';
import { type FormEvent, useId, useState } from 'react';
import { useWorkspaces } from './context';

/**
 * URL plus personal token. The app checks both with the server before it
 * keeps them (sealed); the token is never shown again.
 */
export function AddWorkspaceForm({ onAdded }: { onAdded: (workspace: Workspace) => void }) {
  const add = useWorkspaces((state) => state.add);
  const adding = useWorkspaces((state) => state.adding);
  const error = useWorkspaces((state) => state.addError);
  const [name, setName] = useState('');
  const [url, setUrl] = useState('');
  const [token, setToken] = useState('');
  const id = useId();
  const missing = name.trim() === '' || url.trim() === '' || token.trim() === '';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (missing) return;
    const added = await add({ name, url, token });
    if (added === null) return;
    setName('');
    setUrl('');
    setToken('');
    onAdded(added);
  };

  return (
    <form
      className="workspace-add"
      aria-label="Add a team server"
      noValidate
      onSubmit={(event) => void submit(event)}
    >
      <h3>Add team server</h3>
      <div className="form-row">
        <label className="form-label" htmlFor={`${id}-name`}>
          Name
        </label>
        <input
          id={`${id}-name`}
          data-testid="workspace-add-name"
          value={name}
          autoComplete="off"
          placeholder="e.g. Production"
          onChange={(event) => setName(event.target.value)}
        />
      </div>
      <div className="form-row">
        <label className="form-label" htmlFor={`${id}-url`}>
          Address
        </label>
        <input
          id={`${id}-url`}
          data-testid="workspace-add-url"
          value={url}
          type="url"
          spellCheck={false}
          autoComplete="off"
          placeholder="https://inspector.example.com"
          onChange={(event) => setUrl(event.target.value)}
        />
      </div>
      <div className="form-row">
        <label className="form-label" htmlFor={`${id}-token`}>
          Personal token
        </label>
        <input
          id={`${id}-token`}
          data-testid="workspace-add-token"
          value={token}
          type="password"
          spellCheck={false}
          autoComplete="off"
          aria-describedby={`${id}-token-hint`}
          onChange={(event) => setToken(event.target.value)}
        />
        <span id={`${id}-token-hint`} className="muted small">
          The one an admin gave you (People, or <code>users add</code>). Kept encrypted on this machine.
        </span>
      </div>
      {error !== null && (
        <p className="error-text" role="alert" data-testid="workspace-add-error">
          {error}
        </p>
      )}
      <div className="form-actions">
        <button
          type="submit"
          className="button primary"
          data-testid="workspace-add-submit"
          disabled={adding || missing}
        >
          {adding ? 'Checking with the server…' : 'Add'}
        </button>
      </div>
    </form>
  );
}
