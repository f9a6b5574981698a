import { rowDomId } from './DeliveryRow';

interface BrokenRowProps {
  id: number;
  index: number;
  top: number;
  onOpen: (id: number) => void;
}

/** Where a row failed to render: in its own place, still openable, so the list around it stays usable. */
export function BrokenRow({ id, index, top, onOpen }: BrokenRowProps) {
  return (
    // A row of the virtualized grid, like DeliveryRow: the grid keeps focus and handles the keys.
    // biome-ignore lint/a11y/useSemanticElements lint/a11y/useFocusableInteractive lint/a11y/useKeyWithClickEvents: see above
    <div
      role="row"
      id={rowDomId(id)}
      className="row delivery-row broken-row"
      data-testid="broken-row"
      data-delivery-id={id}
      aria-rowindex={index + 2}
      style={{ transform: `translateY(${top}px)` }}
      onClick={() => onOpen(id)}
    >
      {/* biome-ignore lint/a11y/useSemanticElements lint/a11y/useFocusableInteractive: a cell of the virtualized grid */}
      <span role="gridcell" className="cell cell-broken">
        Delivery #{id} could not be shown in the list; open it to see what was stored.
      </span>
    </div>
  );
}
