import { type KeyboardEvent, useState } from 'react';
import { Isolated } from './Isolated';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Levels below this start collapsed, and long lists show their head first, so a huge payload stays fast. */
const OPEN_DEPTH = 3;
const FIRST_CHILDREN = 200;

const ITEM = '[role="treeitem"]';

/**
 * The WAI-ARIA tree view keys. The root item is the tree's tab stop; from an
 * item, Up/Down/Home/End move between the items shown and Left goes to the
 * parent. Left on an open item closes it and Right opens it or goes to its
 * first child: JsonNode handles those first. The toggle buttons still work
 * as before, by mouse or Tab.
 */
function onTreeKeyDown(event: KeyboardEvent<HTMLDivElement>) {
  if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
  const items = [...event.currentTarget.querySelectorAll<HTMLElement>(ITEM)];
  const index = items.indexOf(event.target as HTMLElement);
  // A key on a button inside an item is the button's.
  if (index < 0) return;
  let next: HTMLElement | null | undefined;
  switch (event.key) {
    case 'ArrowDown':
      next = items[index + 1];
      break;
    case 'ArrowUp':
      next = items[index - 1];
      break;
    case 'Home':
      next = items[0];
      break;
    case 'End':
      next = items.at(-1);
      break;
    case 'ArrowLeft':
      next = items[index]?.parentElement?.closest<HTMLElement>(ITEM);
      break;
    default:
      return;
  }
  event.preventDefault();
  next?.focus();
}

export function JsonTree({ value }: { value: unknown }) {
  return (
    <div className="json-tree" data-testid="json-tree" role="tree" onKeyDown={onTreeKeyDown}>
      <JsonNode value={value as Json} depth={0} name={null} last />
    </div>
  );
}

interface NodeProps {
  name: string | null;
  value: Json;
  depth: number;
  last: boolean;
}

function JsonNode({ name, value, depth, last }: NodeProps) {
  const [open, setOpen] = useState(depth < OPEN_DEPTH);
  const [showAll, setShowAll] = useState(false);
  const comma = last ? '' : ',';
  const key =
    name === null ? null : (
      <span className="json-key">
        <Isolated text={JSON.stringify(name)} />:{' '}
      </span>
    );
  const tabIndex = depth === 0 ? 0 : -1;

  if (value === null || typeof value !== 'object') {
    return (
      <div className="json-line" role="treeitem" tabIndex={tabIndex}>
        <span className="json-toggle-space" />
        {key}
        <JsonScalar value={value} />
        {comma}
      </div>
    );
  }

  const isArray = Array.isArray(value);
  const entries: Array<[string, Json]> = isArray
    ? value.map((item, index) => [String(index), item])
    : Object.entries(value);
  const [openMark, closeMark] = isArray ? ['[', ']'] : ['{', '}'];

  if (entries.length === 0) {
    return (
      <div className="json-line" role="treeitem" tabIndex={tabIndex}>
        <span className="json-toggle-space" />
        {key}
        <span className="json-punct">
          {openMark}
          {closeMark}
        </span>
        {comma}
      </div>
    );
  }

  const size = `${entries.length} ${isArray ? 'item' : 'key'}${entries.length === 1 ? '' : 's'}`;
  const shown = showAll ? entries : entries.slice(0, FIRST_CHILDREN);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    // Keys on a child item or a button pass through on their way to the tree.
    if (event.target !== event.currentTarget || event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.key === 'ArrowRight') {
      event.preventDefault();
      if (open) event.currentTarget.querySelector<HTMLElement>(ITEM)?.focus();
      else setOpen(true);
    } else if (event.key === 'ArrowLeft' && open) {
      event.preventDefault();
      setOpen(false);
    }
  };

  return (
    <div role="treeitem" aria-expanded={open} tabIndex={tabIndex} onKeyDown={onKeyDown}>
      <div className="json-line">
        <button
          type="button"
          className="json-toggle"
          aria-label={open ? 'Collapse' : 'Expand'}
          onClick={() => setOpen(!open)}
        >
          {open ? '▾' : '▸'}
        </button>
        {key}
        <span className="json-punct">{openMark}</span>
        {!open && (
          <>
            <button type="button" className="json-summary" onClick={() => setOpen(true)}>
              {size}
            </button>
            <span className="json-punct">{closeMark}</span>
            {comma}
          </>
        )}
      </div>
      {open && (
        <>
          {/* biome-ignore lint/a11y/useSemanticElements: role="group" holds a treeitem's children in the ARIA tree pattern; <fieldset> groups form controls */}
          <div className="json-children" role="group">
            {shown.map(([childName, child], index) => (
              <JsonNode
                key={childName}
                name={isArray ? null : childName}
                value={child}
                depth={depth + 1}
                last={index === entries.length - 1}
              />
            ))}
            {shown.length < entries.length && (
              <button type="button" className="json-summary" onClick={() => setShowAll(true)}>
                Show {entries.length - shown.length} more
              </button>
            )}
          </div>
          <div className="json-line">
            <span className="json-punct">{closeMark}</span>
            {comma}
          </div>
        </>
      )}
    </div>
  );
}

function JsonScalar({ value }: { value: null | boolean | number | string }) {
  if (value === null) return <span className="json-null">null</span>;
  // JSON.stringify escapes C0 controls; Isolated shows the bidi and invisible ones it leaves as they are.
  if (typeof value === 'string') return <Isolated className="json-string" text={JSON.stringify(value)} />;
  if (typeof value === 'number') return <span className="json-number">{String(value)}</span>;
  return <span className="json-boolean">{String(value)}</span>;
}
