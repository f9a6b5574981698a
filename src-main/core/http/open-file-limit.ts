import { readFileSync } from 'node:fs';

/**
 * Assumed where the limit cannot be read (macOS, Windows): the common soft
 * limit. Low on purpose — a cap derived from it still leaves hundreds of
 * connections for webhooks, and never crowds out the rest of the process.
 */
export const FALLBACK_OPEN_FILES = 1024;

/** Read when /proc says "unlimited": large enough that the receiver's own caps decide. */
const UNLIMITED_OPEN_FILES = 65_536;

/**
 * How many descriptors this process may hold (the soft limit that applies
 * now; Node raises it to the hard limit at start). Linux tells it in
 * /proc/self/limits; elsewhere the fallback is assumed.
 */
export function openFileLimit(read: () => string = () => readFileSync('/proc/self/limits', 'utf8')): number {
  try {
    return parseOpenFileLimit(read()) ?? FALLBACK_OPEN_FILES;
  } catch {
    return FALLBACK_OPEN_FILES;
  }
}

/** The soft "Max open files" of a /proc/<pid>/limits text, or null when it is not there. */
export function parseOpenFileLimit(text: string): number | null {
  const m = /^Max open files\s+(\S+)/m.exec(text);
  if (!m) return null;
  if (m[1] === 'unlimited') return UNLIMITED_OPEN_FILES;
  const n = Number(m[1]);
  return Number.isSafeInteger(n) && n > 0 ? n : null;
}
