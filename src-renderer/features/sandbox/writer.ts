/**
 * Whom the sandbox chat writes as, and where: kept across reloads, so a
 * conversation picks up as the same user in the same chat.
 */
export interface Writer {
  userId: string;
  userName: string;
  chatId: number;
  /** Names given to user ids, so opening a user's private chat writes under that user's name. */
  names: Record<string, string>;
}

export const WRITER_STORAGE_KEY = 'bwi-sandbox-writer';

// Storage can be missing or refuse (a locked-down profile): the defaults then stand in.
function storage(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    return null;
  }
}

/** A chat's kind as the platform puts it in `chat.type`: groups have negative ids, as on Telegram. */
export const chatType = (chatId: number): 'private' | 'group' => (chatId < 0 ? 'group' : 'private');

export function loadWriter(fallback: Writer): Writer {
  try {
    const raw = storage()?.getItem(WRITER_STORAGE_KEY);
    if (!raw) return fallback;
    const value = JSON.parse(raw) as Partial<Writer>;
    const names =
      typeof value.names === 'object' && value.names !== null && !Array.isArray(value.names)
        ? Object.fromEntries(
            Object.entries(value.names).filter(
              (entry): entry is [string, string] => typeof entry[1] === 'string',
            ),
          )
        : {};
    return {
      userId: typeof value.userId === 'string' ? value.userId : fallback.userId,
      userName: typeof value.userName === 'string' ? value.userName : fallback.userName,
      chatId:
        Number.isSafeInteger(value.chatId) && value.chatId !== 0 ? (value.chatId as number) : fallback.chatId,
      names,
    };
  } catch {
    return fallback;
  }
}

export function saveWriter(writer: Writer): void {
  try {
    // Bounded: the names of the last 50 users written as are enough to switch between.
    const names = Object.fromEntries(Object.entries(writer.names).slice(-50));
    storage()?.setItem(WRITER_STORAGE_KEY, JSON.stringify({ ...writer, names }));
  } catch {
    // Not remembered: the next load starts as the default user.
  }
}
