import { type FormEvent, type KeyboardEvent, useId, useState } from 'react';
import { ConfirmButton } from '../../components/ConfirmButton';
import { useAllowed } from '../../shared/access';
import { matches } from '../shortcuts/registry';
import { CodeEditor } from './CodeEditor';
import { COMMAND_NAME_HINT, commandNameProblem } from './commandName';
import { useCommands } from './context';
import { hasUnsavedChanges } from './store';
import { TryRun } from './TryRun';
import './commands.css';
import { Checkbox } from '../../components/Checkbox';
import { TextField } from '../../components/Field';
import { FormFooter, SubmitButton } from '../../components/FormFooter';

/** Name and JavaScript body of one command; Ctrl+S (⌘S) saves from anywhere in the form. */
export function CommandEditor() {
  const items = useCommands((state) => state.items);
  const openName = useCommands((state) => state.openName);
  const name = useCommands((state) => state.name);
  const body = useCommands((state) => state.body);
  const busy = useCommands((state) => state.busy);
  const formError = useCommands((state) => state.formError?.message ?? null);
  const unsaved = useCommands(hasUnsavedChanges);
  const setName = useCommands((state) => state.setName);
  const setBody = useCommands((state) => state.setBody);
  const save = useCommands((state) => state.save);
  const remove = useCommands((state) => state.remove);
  const canSave = useAllowed('commands.save');
  const canDelete = useAllowed('commands.delete');
  // Deleting throws the code away: one more click to be sure.
  const id = useId();
  const [wrap, setWrap] = useState(false);

  // An empty name is not worth a red message before anything was typed; Save still refuses it.
  const nameProblem = name === '' ? null : commandNameProblem(name);
  const replaces = name !== openName && items.some((item) => item.name === name);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (canSave.allowed) void save();
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (!matches('commands.save', event)) return;
    event.preventDefault();
    // The shortcut must not get around the disabled Save button.
    if (canSave.allowed) void save();
  };

  return (
    <div className="command-editor">
      <form aria-label="Edit the command" onSubmit={submit} onKeyDown={onKeyDown}>
        <TextField
          label="Name"
          testId="command-name"
          value={name}
          placeholder="e.g. syncGameData"
          aria-invalid={nameProblem !== null}
          aria-describedby={`${id}-name-hint`}
          onValue={setName}
        >
          <span id={`${id}-name-hint`} className={nameProblem === null ? 'muted small' : 'error-text small'}>
            {nameProblem ?? COMMAND_NAME_HINT}
          </span>
        </TextField>
        {replaces && (
          <p className="muted small" data-testid="command-replaces">
            Saving replaces the saved command “{name}”.
          </p>
        )}
        <div className="editor-options">
          <span className="form-label">JavaScript body</span>
          <Checkbox className="muted small" testId="command-wrap" checked={wrap} onChecked={setWrap}>
            {' '}
            Wrap long lines
          </Checkbox>
        </div>
        <CodeEditor
          label="JavaScript body"
          testId="command-body"
          value={body}
          onChange={setBody}
          wrap={wrap}
        />
        <p className="muted small">
          Syntax errors are marked as you type. Tab indents, Shift+Tab outdents; Escape then Tab leaves the
          editor. Ctrl+S saves.
        </p>
        <FormFooter error={{ error: formError, testId: 'command-error' }} errorBelow>
          <SubmitButton
            testId="command-save"
            allowed={canSave}
            disabled={busy !== null || nameProblem !== null}
          >
            {busy === 'save' ? 'Saving…' : 'Save'}
          </SubmitButton>
          {unsaved && <span className="muted small">unsaved changes</span>}
          <span className="header-spacer" />
          {openName !== null && (
            <ConfirmButton
              label="Delete"
              question={`Delete “${openName}”?`}
              testId="command-delete"
              disabled={!canDelete.allowed || busy !== null}
              title={canDelete.reason}
              busyLabel={busy === 'delete' ? 'Deleting…' : null}
              onConfirm={() => void remove()}
            />
          )}
        </FormFooter>
      </form>
      {/* Outside the form: Enter in its fields runs it, and does not save. */}
      <TryRun />
    </div>
  );
}
