import type { EntityId, Summary } from '@contract';
import { entityIdFromText } from '../../shared/entityId';

/** Where a reply to this update goes: its chat, else (a platform that names no chat) its sender. */
export function replyChatId(summary: Summary): EntityId | null {
  return summary.chat?.id ?? summary.user?.id ?? null;
}

/** The chat id as `messages.send` takes it; null when blank. */
export function parseChatId(raw: string): EntityId | null {
  return raw.trim() === '' ? null : entityIdFromText(raw);
}
