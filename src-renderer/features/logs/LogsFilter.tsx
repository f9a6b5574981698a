import { useId } from 'react';
import { useLogs } from './context';
import type { StatusClass } from './filter';

const CLASSES: ReadonlyArray<{ id: StatusClass; label: string }> = [
  { id: 'all', label: 'All attempts' },
  { id: '2xx', label: '2xx only' },
  { id: 'failed', label: 'Failed only' },
];

export function LogsFilter() {
  const statusClass = useLogs((state) => state.statusClass);
  const query = useLogs((state) => state.query);
  const setStatusClass = useLogs((state) => state.setStatusClass);
  const setQuery = useLogs((state) => state.setQuery);
  const id = useId();

  return (
    <div className="logs-filter" data-testid="logs-filter">
      <label htmlFor={`${id}-class`} className="muted">
        Show
      </label>
      <select
        id={`${id}-class`}
        data-testid="logs-filter-status"
        value={statusClass}
        onChange={(event) => setStatusClass(event.target.value as StatusClass)}
      >
        {CLASSES.map((item) => (
          <option key={item.id} value={item.id}>
            {item.label}
          </option>
        ))}
      </select>
      <input
        type="search"
        data-testid="logs-filter-text"
        aria-label="Filter by update id or error"
        placeholder="update id or error"
        value={query}
        onChange={(event) => setQuery(event.target.value)}
      />
    </div>
  );
}
