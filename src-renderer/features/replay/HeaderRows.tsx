import type { HeaderRow } from './replayForm';

interface HeaderRowsProps {
  rows: HeaderRow[];
  onChange: (rows: HeaderRow[]) => void;
  invalid: boolean;
  describedBy: string;
}

/** Extra headers as name/value rows: added and overridden on every replayed request. */
export function HeaderRows({ rows, onChange, invalid, describedBy }: HeaderRowsProps) {
  const update = (key: number, patch: Partial<HeaderRow>) =>
    onChange(rows.map((row) => (row.key === key ? { ...row, ...patch } : row)));
  const add = () =>
    onChange([...rows, { key: Math.max(0, ...rows.map((row) => row.key)) + 1, name: '', value: '' }]);

  return (
    <div className="header-rows">
      {rows.map((row, index) => (
        <div key={row.key} className="header-row" data-testid="replay-header-row">
          <input
            type="text"
            aria-label={`Header ${index + 1} name`}
            data-testid="replay-header-name"
            placeholder="Name"
            value={row.name}
            spellCheck={false}
            autoComplete="off"
            aria-invalid={invalid ? true : undefined}
            aria-describedby={invalid ? describedBy : undefined}
            onChange={(event) => update(row.key, { name: event.target.value })}
          />
          <input
            type="text"
            aria-label={`Header ${index + 1} value`}
            data-testid="replay-header-value"
            placeholder="Value"
            value={row.value}
            spellCheck={false}
            autoComplete="off"
            onChange={(event) => update(row.key, { value: event.target.value })}
          />
          <button
            type="button"
            className="button"
            aria-label={`Remove header ${index + 1}`}
            onClick={() => onChange(rows.filter((item) => item.key !== row.key))}
          >
            Remove
          </button>
        </div>
      ))}
      <button type="button" className="button" data-testid="replay-header-add" onClick={add}>
        Add header
      </button>
    </div>
  );
}
