import type { Role } from '@contract';
import { type FormEvent, useId, useState } from 'react';
import { CopyButton } from '../../components/CopyButton';
import { FormError, SubmitButton } from '../../components/FormFooter';
import { useAllowed } from '../../shared/access';
import { usePeople } from './context';

const ROLES: ReadonlyArray<{ id: Role; hint: string }> = [
  { id: 'viewer', hint: 'reads everything but secrets' },
  { id: 'operator', hint: 'also replays, replies, signs links, exports' },
  { id: 'admin', hint: 'also configures: profiles, keys, inboxes, commands, people' },
];

/** Name and role; the token comes back once, to hand to the person. */
export function AddPersonForm() {
  const add = usePeople((state) => state.add);
  const adding = usePeople((state) => state.adding);
  const error = usePeople((state) => state.addError?.message ?? null);
  const created = usePeople((state) => state.created);
  const dismiss = usePeople((state) => state.dismissCreated);
  const canAdd = useAllowed('people.add');
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('viewer');
  const id = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!canAdd.allowed || name.trim() === '') return;
    if (await add(name, role)) setName('');
  };

  return (
    <section className="person-add" aria-label="Add a person">
      <h3>Add a person</h3>
      <form className="form-actions" noValidate onSubmit={(event) => void submit(event)}>
        <label htmlFor={`${id}-name`} className="muted">
          Name
        </label>
        <input
          id={`${id}-name`}
          data-testid="person-name"
          value={name}
          autoComplete="off"
          maxLength={80}
          onChange={(event) => setName(event.target.value)}
        />
        <label htmlFor={`${id}-role`} className="muted">
          Role
        </label>
        <select
          id={`${id}-role`}
          data-testid="person-role"
          value={role}
          onChange={(event) => setRole(event.target.value as Role)}
        >
          {ROLES.map((item) => (
            <option key={item.id} value={item.id}>
              {item.id} — {item.hint}
            </option>
          ))}
        </select>
        <SubmitButton testId="person-add" allowed={canAdd} disabled={adding || name.trim() === ''}>
          {adding ? 'Adding…' : 'Add'}
        </SubmitButton>
      </form>
      <FormError error={error} testId="person-add-error" />
      {created !== null && (
        <div className="person-token" role="status" data-testid="person-token">
          <p>
            <strong>Copy {created.person.name}'s token now: it is not shown again.</strong>{' '}
            {`The server keeps only its hash. Hand it over privately: anyone holding it acts as ${created.person.name} (${created.person.role}).`}
          </p>
          <p className="person-token-value">
            <code data-testid="person-token-value">{created.token}</code>
            <CopyButton text={created.token} label="Copy token" testId="person-token-copy" />
          </p>
          <button type="button" className="button" data-testid="person-token-done" onClick={dismiss}>
            I have copied it
          </button>
        </div>
      )}
    </section>
  );
}
