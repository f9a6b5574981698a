import type { Key, ReactNode } from 'react';

/** One row as the editor shows it; the caller keeps its own row shape and maps it here. */
export interface KeyValueRow<K extends Key> {
  rowKey: K;
  name: string;
  value: string;
  /** This row's own problem, said at its end; the name input points at it. */
  problem?: { id: string; message: string; testId: string };
}

interface KeyValueRowsProps<K extends Key> {
  rows: readonly KeyValueRow<K>[];
  /** What a row is called in labels: "Header 1 name", "Remove header 1", "Add header". */
  noun: string;
  placeholders: { name: string; value: string };
  testIds: { row: string; name: string; value: string; remove?: string; add: string };
  /** The list and row classes of the feature's sheet. */
  classNames: { list: string; row: string };
  /** Said while there are no rows. */
  empty?: ReactNode;
  /** The whole list's problem, said elsewhere: every name input points at it while it is set. */
  listProblemId?: string | undefined;
  onChange: (rowKey: K, field: 'name' | 'value', text: string) => void;
  onRemove: (rowKey: K) => void;
  onAdd: () => void;
}

const capitalised = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

/** Name/value rows with a remove button each and an add button under them (headers, query params). */
export function KeyValueRows<K extends Key>(props: KeyValueRowsProps<K>) {
  const { rows, noun, placeholders, testIds, classNames, empty, listProblemId } = props;
  return (
    <div className={classNames.list}>
      {rows.length === 0 && empty}
      {rows.map((row, index) => {
        const describedBy = row.problem?.id ?? listProblemId;
        return (
          <div key={row.rowKey} className={classNames.row} data-testid={testIds.row}>
            <input
              type="text"
              aria-label={`${capitalised(noun)} ${index + 1} name`}
              data-testid={testIds.name}
              placeholder={placeholders.name}
              value={row.name}
              spellCheck={false}
              autoComplete="off"
              aria-invalid={describedBy === undefined ? undefined : true}
              aria-describedby={describedBy}
              onChange={(event) => props.onChange(row.rowKey, 'name', event.target.value)}
            />
            <input
              type="text"
              aria-label={`${capitalised(noun)} ${index + 1} value`}
              data-testid={testIds.value}
              placeholder={placeholders.value}
              value={row.value}
              spellCheck={false}
              autoComplete="off"
              onChange={(event) => props.onChange(row.rowKey, 'value', event.target.value)}
            />
            <button
              type="button"
              className="button"
              data-testid={testIds.remove}
              aria-label={`Remove ${noun} ${index + 1}`}
              onClick={() => props.onRemove(row.rowKey)}
            >
              Remove
            </button>
            {row.problem !== undefined && (
              <span id={row.problem.id} className="error-text small" data-testid={row.problem.testId}>
                {row.problem.message}
              </span>
            )}
          </div>
        );
      })}
      {/* A flex box of its own, so the button keeps its width in a stretching list. */}
      <div className="key-value-add">
        <button type="button" className="button" data-testid={testIds.add} onClick={props.onAdd}>
          {`Add ${noun}`}
        </button>
      </div>
    </div>
  );
}
