import { useInboxes } from './context';

interface InboxFilterProps {
  value: string | null;
  onChange: (inbox: string | null) => void;
}

/** "All inboxes" or one; the list of names follows `inboxes.changed`. */
export function InboxFilter({ value, onChange }: InboxFilterProps) {
  const items = useInboxes((state) => state.items);
  const error = useInboxes((state) => state.error?.message ?? null);
  const reload = useInboxes((state) => state.reload);
  // Keep a filtered-on inbox selectable even before (or without) it appearing in the list.
  const names = items.map((inbox) => inbox.name);
  if (value !== null && !names.includes(value)) names.push(value);

  return (
    <span className="inbox-filter">
      <label>
        <span className="inbox-filter-label">Inbox</span>
        <select
          data-testid="inbox-filter"
          value={value ?? ''}
          onChange={(event) => onChange(event.target.value === '' ? null : event.target.value)}
        >
          <option value="">All inboxes</option>
          {names.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      </label>
      {error !== null && (
        <button type="button" className="link-button error-text" title={error} onClick={reload}>
          Inboxes failed to load — retry
        </button>
      )}
    </span>
  );
}
