import { type KeyboardEvent, useRef } from 'react';
import { matches } from '../features/shortcuts/registry';

export interface TabSpec<T extends string> {
  id: T;
  label: string;
}

interface TabsProps<T extends string> {
  tabs: ReadonlyArray<TabSpec<T>>;
  active: T;
  onChange: (id: T) => void;
  idPrefix: string;
}

/** A WAI-ARIA tab list: arrow keys move between tabs; the panel is the caller's, id `${idPrefix}-panel`. */
export function Tabs<T extends string>({ tabs, active, onChange, idPrefix }: TabsProps<T>) {
  const listRef = useRef<HTMLDivElement>(null);

  const onKeyDown = (event: KeyboardEvent) => {
    const isNext = matches('tabs.next', event);
    if (!isNext && !matches('tabs.previous', event)) return;
    event.preventDefault();
    const index = tabs.findIndex((tab) => tab.id === active);
    const step = isNext ? 1 : -1;
    const next = tabs[(index + step + tabs.length) % tabs.length];
    if (next === undefined) return;
    onChange(next.id);
    listRef.current?.querySelector<HTMLButtonElement>(`#${idPrefix}-tab-${next.id}`)?.focus();
  };

  return (
    <div className="tabs" role="tablist" ref={listRef} onKeyDown={onKeyDown}>
      {tabs.map((tab) => (
        <button
          key={tab.id}
          type="button"
          role="tab"
          id={`${idPrefix}-tab-${tab.id}`}
          aria-selected={tab.id === active}
          aria-controls={`${idPrefix}-panel`}
          tabIndex={tab.id === active ? 0 : -1}
          className="tab"
          onClick={() => onChange(tab.id)}
        >
          {tab.label}
        </button>
      ))}
    </div>
  );
}
