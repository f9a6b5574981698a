import { useEffect, useEffectEvent } from 'react';
import { ErrorMessage } from '../../components/ErrorMessage';
import { InboxDeleteActions } from '../delete/InboxDeleteActions';
import { useInboxes } from '../inboxes/context';
import { useSettings, useSettingsStore } from './context';
import { SettingsFormView } from './SettingsFormView';
import { StorageLine } from './StorageLine';
import './settings.css';

interface SettingsPanelProps {
  /** The list's inbox filter: the inbox the user is looking at, so the one to open on. */
  listInbox: string | null;
  /** Where deliveries go without an inbox in their URL. */
  defaultInbox: string;
  /** An inbox was deleted from this panel. */
  onInboxDeleted?: (name: string) => void;
}

/** Forwarding, a response rule and retention for one inbox; and the database's size. */
export function SettingsPanel({ listInbox, defaultInbox, onInboxDeleted }: SettingsPanelProps) {
  const store = useSettingsStore();
  const inbox = useSettings((state) => state.inbox);
  const settings = useSettings((state) => state.settings);
  const loadError = useSettings((state) => state.loadError?.message ?? null);
  const revision = useSettings((state) => state.revision);
  const load = useSettings((state) => state.load);
  const loadStorage = useSettings((state) => state.loadStorage);
  const inboxes = useInboxes((state) => state.items);

  // Read once per visit, with the props of that moment; the select changes the inbox afterwards.
  const openVisit = useEffectEvent(() => {
    const { load: loadSettings, loadStorage, inbox: previous } = store.getState();
    void loadSettings(listInbox ?? previous ?? defaultInbox);
    void loadStorage();
  });
  useEffect(() => openVisit(), []);

  const names = inboxes.map((item) => item.name);
  if (inbox !== null && !names.includes(inbox)) names.push(inbox);

  return (
    <section className="panel" data-testid="settings-panel" aria-label="Inbox settings">
      <header className="panel-header">
        <h2>Inbox settings</h2>
        <label className="inline-field">
          <span className="muted">Inbox</span>
          <select
            data-testid="settings-inbox"
            value={inbox ?? ''}
            onChange={(event) => void load(event.target.value)}
          >
            {names.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </label>
      </header>
      <div className="panel-body">
        <StorageLine />
        {inbox !== null && (
          <InboxDeleteActions
            inbox={inbox}
            defaultInbox={defaultInbox}
            onDone={(deleted) => {
              void loadStorage();
              if (!deleted) return;
              onInboxDeleted?.(inbox);
              void load(defaultInbox);
            }}
          />
        )}
        {loadError !== null && (
          <ErrorMessage
            message={`Could not read the settings of ${inbox ?? 'the inbox'}: ${loadError}`}
            onRetry={inbox === null ? undefined : () => void load(inbox)}
            testId="settings-load-error"
          />
        )}
        {settings === null && loadError === null && <p className="note">Reading the settings…</p>}
        {settings !== null && <SettingsFormView key={`${settings.inbox}:${revision}`} settings={settings} />}
      </div>
    </section>
  );
}
