/** Tolerant readers for platform JSON: a missing or odd field is null, never a crash. */
export type Json = Record<string, unknown>;

export const asObject = (value: unknown): Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : {};

export const str = (value: unknown): string | null => (typeof value === 'string' ? value : null);

export const int = (value: unknown): number | null =>
  typeof value === 'number' && Number.isInteger(value)
    ? value
    : typeof value === 'string' && /^-?\d+$/.test(value)
      ? Number(value)
      : null;

export const num = (value: unknown): number | null =>
  typeof value === 'number' && Number.isFinite(value)
    ? value
    : typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))
      ? Number(value)
      : null;

export const bool = (value: unknown): boolean | null => (typeof value === 'boolean' ? value : null);

/** The first of several candidate fields that reads as something. */
export function pick<T>(obj: Json, keys: string[], read: (v: unknown) => T | null): T | null {
  for (const key of keys) {
    const value = read(obj[key]);
    if (value !== null) return value;
  }
  return null;
}
