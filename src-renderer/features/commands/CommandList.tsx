import { formatIso } from '../../shared/time';
import { useCommands } from './context';
import { hasUnsavedChanges } from './store';

/** The saved commands; choosing one opens it in the editor. */
export function CommandList() {
  const items = useCommands((state) => state.items);
  const loaded = useCommands((state) => state.loaded);
  const openName = useCommands((state) => state.openName);
  const unsaved = useCommands(hasUnsavedChanges);
  const open = useCommands((state) => state.open);

  const choose = (name: string) => {
    if (name === openName) return;
    // Opening another command replaces the editor's text; edits are worth one question.
    if (unsaved && !window.confirm('Discard the unsaved changes in the editor?')) return;
    open(name);
  };

  return (
    <nav className="command-list" aria-label="Commands">
      {!loaded && <p className="note">Loading the commands…</p>}
      {loaded && items.length === 0 && <p className="note">No commands yet: write one and save it.</p>}
      {items.length > 0 && (
        <ul>
          {items.map((command) => (
            <li key={command.name}>
              <button
                type="button"
                className="command-list-item"
                data-testid="command-item"
                data-name={command.name}
                aria-current={command.name === openName ? 'true' : undefined}
                title={`Saved ${formatIso(command.updatedAt)}`}
                onClick={() => choose(command.name)}
              >
                <code>{command.name}</code>
              </button>
            </li>
          ))}
        </ul>
      )}
    </nav>
  );
}
