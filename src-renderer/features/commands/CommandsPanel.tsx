import { useEffect } from 'react';
import { ErrorMessage } from '../../components/ErrorMessage';
import { CommandEditor } from './CommandEditor';
import { CommandHelp } from './CommandHelp';
import { CommandList } from './CommandList';
import { useCommands } from './context';
import { hasUnsavedChanges } from './store';
import './commands.css';

/** The commands signed links run: JavaScript executed for one user, in a sandbox, on each hit. */
export function CommandsPanel() {
  const start = useCommands((state) => state.start);
  const stop = useCommands((state) => state.stop);
  const reload = useCommands((state) => state.reload);
  const loadError = useCommands((state) => state.loadError?.message ?? null);
  const unsaved = useCommands(hasUnsavedChanges);
  const startNew = useCommands((state) => state.startNew);

  useEffect(() => {
    start();
    return stop;
  }, [start, stop]);

  const newCommand = () => {
    if (unsaved && !window.confirm('Discard the unsaved changes in the editor?')) return;
    startNew();
  };

  return (
    <section className="panel" data-testid="commands-panel" aria-label="Commands">
      <header className="panel-header">
        <h2>Commands</h2>
        <span className="muted">JavaScript a signed link runs for its user</span>
        <span className="header-spacer" />
        <button type="button" className="button" data-testid="command-new" onClick={newCommand}>
          New
        </button>
      </header>
      <div className="panel-body">
        {loadError !== null && (
          <ErrorMessage
            message={`The commands failed to load: ${loadError}`}
            onRetry={reload}
            testId="commands-load-error"
          />
        )}
        <div className="commands-layout">
          <CommandList />
          <CommandEditor />
        </div>
        <CommandHelp />
      </div>
    </section>
  );
}
