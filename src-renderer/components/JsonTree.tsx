import { type KeyboardEvent, type ReactNode, useState } from 'react';
import { matches } from '../features/shortcuts/registry';
import { copyWithToast } from '../shared/clipboard';
import { Marked } from './highlight/HighlightContext';
import { Isolated } from './Isolated';
import { copyableValue, formatJsonPath, type PathSegment } from './jsonPath';
import './json-tree.css';

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
  if (matches('tree.down', event)) next = items[index + 1];
  else if (matches('tree.up', event)) next = items[index - 1];
  else if (matches('tree.first', event)) next = items[0];
  else if (matches('tree.last', event)) next = items.at(-1);
  else if (matches('tree.close', event)) next = items[index]?.parentElement?.closest<HTMLElement>(ITEM);
  else return;
  event.preventDefault();
  next?.focus();
}

export function JsonTree({ value }: { value: unknown }) {
  return (
    <div className="json-tree" data-testid="json-tree" role="tree" onKeyDown={onTreeKeyDown}>
      <JsonNode value={value as Json} depth={0} name={null} path={[]} last />
    </div>
  );
}

interface NodeProps {
  name: string | null;
  value: Json;
  depth: number;
  /** Where this value sits, for "copy path" (`message.from.id`). */
  path: readonly PathSegment[];
  last: boolean;
}

const copyValue = (value: Json) => void copyWithToast(copyableValue(value), 'the value');
const copyPath = (path: readonly PathSegment[]) => {
  const text = formatJsonPath(path);
  void copyWithToast(text, `path ${text}`);
};

/** On a focused item, `c` copies its value and `p` its path (listed in the shortcuts dialog). */
function copyKey(event: KeyboardEvent<HTMLDivElement>, value: Json, path: readonly PathSegment[]): boolean {
  if (event.target !== event.currentTarget || event.altKey || event.ctrlKey || event.metaKey) return false;
  if (matches('tree.copyValue', event)) copyValue(value);
  else if (matches('tree.copyPath', event) && path.length > 0) copyPath(path);
  else return false;
  event.preventDefault();
  return true;
}

/**
 * Shown only on the line under the pointer (a tree of thousands of lines gets no thousands of
 * buttons); out of the tab order: on a focused item the keys above do the same.
 */
function LineCopy({ value, path }: { value: Json; path: readonly PathSegment[] }) {
  return (
    <span className="json-copy">
      <button type="button" tabIndex={-1} className="json-copy-button" onClick={() => copyValue(value)}>
        copy value
      </button>
      {path.length > 0 && (
        <button
          type="button"
          tabIndex={-1}
          className="json-copy-button"
          title={formatJsonPath(path)}
          onClick={() => copyPath(path)}
        >
          copy path
        </button>
      )}
    </span>
  );
}

function JsonNode({ name, value, depth, path, last }: NodeProps) {
  const [open, setOpen] = useState(depth < OPEN_DEPTH);
  const [hovered, setHovered] = useState(false);
  const lineEvents = { onMouseEnter: () => setHovered(true), onMouseLeave: () => setHovered(false) };
  const lineCopy = hovered && <LineCopy value={value} path={path} />;
  const [showAll, setShowAll] = useState(false);
  const comma = last ? '' : ',';
  const key =
    name === null ? null : (
      <span className="json-key">
        <Isolated text={JSON.stringify(name)} />:{' '}
      </span>
    );
  const tabIndex = depth === 0 ? 0 : -1;

  const onLeafKeyDown = (event: KeyboardEvent<HTMLDivElement>) => void copyKey(event, value, path);
  // A line with nothing to open (a scalar, `[]`, `{}`): the copy keys, and no toggle.
  const leafLine = (content: ReactNode) => (
    <div className="json-line" role="treeitem" tabIndex={tabIndex} onKeyDown={onLeafKeyDown} {...lineEvents}>
      <span className="json-toggle-space" />
      {key}
      {content}
      {comma}
      {lineCopy}
    </div>
  );

  if (value === null || typeof value !== 'object') {
    return leafLine(<JsonScalar value={value} />);
  }

  const isArray = Array.isArray(value);
  const entries: Array<[string, Json]> = isArray
    ? value.map((item, index) => [String(index), item])
    : Object.entries(value);
  const [openMark, closeMark] = isArray ? ['[', ']'] : ['{', '}'];

  if (entries.length === 0) {
    return leafLine(
      <span className="json-punct">
        {openMark}
        {closeMark}
      </span>,
    );
  }

  const size = `${entries.length} ${isArray ? 'item' : 'key'}${entries.length === 1 ? '' : 's'}`;
  const shown = showAll ? entries : entries.slice(0, FIRST_CHILDREN);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    // Keys on a child item or a button pass through on their way to the tree.
    if (event.target !== event.currentTarget || event.altKey || event.ctrlKey || event.metaKey) return;
    if (copyKey(event, value, path)) return;
    if (matches('tree.open', event)) {
      event.preventDefault();
      if (open) event.currentTarget.querySelector<HTMLElement>(ITEM)?.focus();
      else setOpen(true);
    } else if (matches('tree.close', event) && open) {
      event.preventDefault();
      setOpen(false);
    }
  };

  return (
    <div role="treeitem" aria-expanded={open} tabIndex={tabIndex} onKeyDown={onKeyDown}>
      <div className="json-line" {...lineEvents}>
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
        {lineCopy}
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
                path={[...path, isArray ? index : childName]}
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
  if (typeof value === 'number') {
    return (
      <span className="json-number">
        <Marked text={String(value)} />
      </span>
    );
  }
  return <span className="json-boolean">{String(value)}</span>;
}
