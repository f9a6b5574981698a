import { useState } from 'react';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Levels below this start collapsed, and long lists show their head first, so a huge payload stays fast. */
const OPEN_DEPTH = 3;
const FIRST_CHILDREN = 200;

export function JsonTree({ value }: { value: unknown }) {
  return (
    <div className="json-tree" data-testid="json-tree" role="tree">
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
  const key = name === null ? null : <span className="json-key">{JSON.stringify(name)}: </span>;

  if (value === null || typeof value !== 'object') {
    return (
      <div className="json-line" role="treeitem">
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
      <div className="json-line" role="treeitem">
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
  return (
    <div role="treeitem" aria-expanded={open}>
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
  if (typeof value === 'string') return <span className="json-string">{JSON.stringify(value)}</span>;
  if (typeof value === 'number') return <span className="json-number">{String(value)}</span>;
  return <span className="json-boolean">{String(value)}</span>;
}
