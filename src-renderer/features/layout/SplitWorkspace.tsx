import { type ReactNode, useLayoutEffect, useRef, useState } from 'react';
import './layout.css';
import { ResizeHandle } from './ResizeHandle';
import { useStoredNumber } from './storedNumber';

export const LIST_WIDTH_KEY = 'bwi-layout-list-width';
const LIST_MIN = 420;
const DETAIL_MIN = 360;
/** Until the user drags: the list takes three fifths, as the layout always had it. */
const DEFAULT_SHARE = 0.6;
const UNSET = -1;

/** The deliveries view: the list, a draggable splitter, and the detail; the split is remembered. */
export function SplitWorkspace({ list, detail }: { list: ReactNode; detail: ReactNode }) {
  const [listWidth, setListWidth] = useStoredNumber(LIST_WIDTH_KEY, UNSET);
  const ref = useRef<HTMLElement>(null);
  const [available, setAvailable] = useState<number | null>(null);

  // The detail keeps its minimum when the window narrows: the list gives way, not the detail.
  useLayoutEffect(() => {
    const element = ref.current;
    if (element === null) return;
    const measure = () => setAvailable(element.clientWidth);
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const max = Math.max(LIST_MIN, (available ?? Number.POSITIVE_INFINITY) - DETAIL_MIN);
  const wanted = listWidth === UNSET ? (available ?? 0) * DEFAULT_SHARE : listWidth;
  const shown = Math.round(Math.min(Math.max(wanted, LIST_MIN), max));
  return (
    <main
      ref={ref}
      className="workspace workspace-split"
      style={{ gridTemplateColumns: `${shown}px auto minmax(${DETAIL_MIN}px, 1fr)` }}
    >
      {list}
      <ResizeHandle
        value={shown}
        min={LIST_MIN}
        max={Number.isFinite(max) ? max : 4000}
        onChange={setListWidth}
        label="Resize the list and the detail"
        className="splitter"
        testId="splitter"
      />
      {detail}
    </main>
  );
}
