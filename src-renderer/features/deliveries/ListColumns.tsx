import type { CSSProperties } from 'react';
import { ResizeHandle } from '../layout/ResizeHandle';
import { useStoredNumber } from '../layout/storedNumber';

/** The list's resizable columns, their default widths (px) and the CSS variable each sets. */
export const COLUMNS = [
  { id: 'time', label: 'Time', width: 128, min: 64 },
  { id: 'inbox', label: 'Inbox', width: 96, min: 40 },
  { id: 'status', label: 'Status', width: 64, min: 40 },
  { id: 'user', label: 'User', width: 160, min: 40 },
] as const;

type ColumnId = (typeof COLUMNS)[number]['id'];
const COLUMN_MAX = 600;

export type ColumnWidths = Record<ColumnId, number> & { set: (id: ColumnId, width: number) => void };

/** The widths, remembered per browser; applied as CSS variables the rows' grid reads. */
export function useColumnWidths(): ColumnWidths {
  const [time, setTime] = useStoredNumber('bwi-layout-col-time', COLUMNS[0].width);
  const [inbox, setInbox] = useStoredNumber('bwi-layout-col-inbox', COLUMNS[1].width);
  const [status, setStatus] = useStoredNumber('bwi-layout-col-status', COLUMNS[2].width);
  const [user, setUser] = useStoredNumber('bwi-layout-col-user', COLUMNS[3].width);
  const setters = { time: setTime, inbox: setInbox, status: setStatus, user: setUser };
  return { time, inbox, status, user, set: (id, width) => setters[id](width) };
}

export const columnStyle = (widths: ColumnWidths): CSSProperties =>
  ({
    '--col-time': `${widths.time}px`,
    '--col-inbox': `${widths.inbox}px`,
    '--col-status': `${widths.status}px`,
    '--col-user': `${widths.user}px`,
  }) as CSSProperties;

/** The header row of the list grid, each resizable column with a handle at its right edge. */
export function ListColumns({ widths }: { widths: ColumnWidths }) {
  return (
    // biome-ignore-start lint/a11y/useSemanticElements lint/a11y/useFocusableInteractive: the header row of DeliveryList's virtualized grid, whose focus stays on the grid
    <div className="row list-columns" role="row" aria-rowindex={1}>
      <span role="columnheader" className="cell cell-check">
        <span className="visually-hidden">Selected</span>
      </span>
      {COLUMNS.map((column) => (
        <span key={column.id} role="columnheader" className={`cell cell-${column.id} column-resizable`}>
          {column.label}
          <ResizeHandle
            value={widths[column.id]}
            min={column.min}
            max={COLUMN_MAX}
            onChange={(width) => widths.set(column.id, width)}
            label={`Resize the ${column.label} column`}
            className="col-resize"
            testId={`resize-${column.id}`}
          />
        </span>
      ))}
      <span role="columnheader" className="cell cell-text">
        Text
      </span>
    </div>
    // biome-ignore-end lint/a11y/useSemanticElements lint/a11y/useFocusableInteractive: see above
  );
}
