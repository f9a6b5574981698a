import { useState } from 'react';

/**
 * A layout preference of this browser (a splitter's position, a column's width): kept in
 * localStorage, since it is about this screen, not about the data. Storage switched off or
 * full: the value just lasts for the page.
 */
export function readStoredNumber(key: string, fallback: number): number {
  try {
    const stored = window.localStorage.getItem(key);
    const value = stored === null ? Number.NaN : Number(stored);
    return Number.isFinite(value) ? value : fallback;
  } catch {
    return fallback;
  }
}

export function writeStoredNumber(key: string, value: number): void {
  try {
    window.localStorage.setItem(key, String(Math.round(value)));
  } catch {
    // Not remembered; the layout still changes.
  }
}

/** useState for a number that is remembered under `key`. */
export function useStoredNumber(key: string, fallback: number): [number, (value: number) => void] {
  const [value, setValue] = useState(() => readStoredNumber(key, fallback));
  const set = (next: number) => {
    setValue(next);
    writeStoredNumber(key, next);
  };
  return [value, set];
}
