import type { BotProfile } from '@contract';

/**
 * The profile to work with: the current choice while it still exists, else the
 * built-in sandbox (it works with no token and no network), else the first.
 */
export function pickProfileId(items: readonly BotProfile[], current: number | null): number | null {
  if (current !== null && items.some((profile) => profile.id === current)) return current;
  return (items.find((profile) => profile.sandbox) ?? items[0])?.id ?? null;
}
