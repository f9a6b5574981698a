import type { EntityId, Summary } from '@contract';

/** Where a reply to this update goes: its chat, else (a platform that names no chat) its sender. */
export function replyChatId(summary: Summary): EntityId | null {
  return summary.chat?.id ?? summary.user?.id ?? null;
}

/**
 * The chat id as `messages.send` takes it: a number when it is one (ids are
 * numbers on both platforms, negative for groups), else the text as typed
 * (`@channelname`, or an id too long for a JavaScript number). Null when blank.
 */
export function parseChatId(raw: string): number | string | null {
  const text = raw.trim();
  if (text === '') return null;
  if (/^-?\d+$/.test(text)) {
    const value = Number(text);
    if (Number.isSafeInteger(value)) return value;
  }
  return text;
}
