import type { EntityId } from '@contract';

/**
 * A user or chat id as typed, as the contract takes it: a number when it is
 * one (ids are numbers on both platforms, negative for groups), else the
 * trimmed text (`@channelname`, or an id too long for a JavaScript number).
 */
export function entityIdFromText(raw: string): EntityId {
  const text = raw.trim();
  const value = Number(text);
  return /^-?\d+$/.test(text) && Number.isSafeInteger(value) ? value : text;
}
