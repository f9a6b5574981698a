import type { Workspace } from '@contract';
import { type FormEvent, useId, useState } from 'react';
import { TextField } from '../../components/Field';
import { FormFooter, SubmitButton } from '../../components/FormFooter';
import { useWorkspaces } from './context';

/**
 * URL plus personal token. The app checks both with the server before it
 * keeps them (sealed); the token is never shown again.
 */
export function AddWorkspaceForm({ onAdded }: { onAdded: (workspace: Workspace) => void }) {
  const add = useWorkspaces((state) => state.add);
  const adding = useWorkspaces((state) => state.adding);
  const error = useWorkspaces((state) => state.addError?.message ?? null);
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
      <TextField
        label="Name"
        testId="workspace-add-name"
        value={name}
        spellCheck={undefined}
        placeholder="e.g. Production"
        onValue={setName}
      />
      <TextField
        label="Address"
        testId="workspace-add-url"
        value={url}
        type="url"
        placeholder="https://inspector.example.com"
        onValue={setUrl}
      />
      <TextField
        label="Personal token"
        testId="workspace-add-token"
        value={token}
        type="password"
        aria-describedby={`${id}-token-hint`}
        onValue={setToken}
      >
        <span id={`${id}-token-hint`} className="muted small">
          The one an admin gave you (People, or <code>users add</code>). Kept encrypted on this machine.
        </span>
      </TextField>
      <FormFooter error={{ error, testId: 'workspace-add-error' }}>
        <SubmitButton testId="workspace-add-submit" disabled={adding || missing}>
          {adding ? 'Checking with the server…' : 'Add'}
        </SubmitButton>
      </FormFooter>
    </form>
  );
}
