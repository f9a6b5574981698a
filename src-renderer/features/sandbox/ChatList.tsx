import type { ReactNode } from 'react';
import { useSandbox } from './context';
import { parseUserId } from './store';

function chatLabel(chatId: number, userId: number | null, userName: string): ReactNode {
  // The name in a <bdi>: an override in it must not reorder the chat id after it.
  if (chatId === userId)
    return (
      <>
        <bdi>{userName.trim() || 'User'}</bdi> (private, {chatId})
      </>
    );
  return chatId < 0 ? `Group ${chatId}` : `Private chat ${chatId}`;
}

/** The sandbox bot's chats, plus the chosen user's own one even before its first message. */
export function ChatList() {
  const chats = useSandbox((state) => state.chats);
  const chatId = useSandbox((state) => state.chatId);
  const userId = useSandbox((state) => parseUserId(state.userId));
  const userName = useSandbox((state) => state.userName);
  const openChat = useSandbox((state) => state.openChat);

  const ids = [...new Set([...(userId === null ? [] : [userId]), chatId, ...chats])];

  return (
    <nav className="chat-list" aria-label="Chats">
      {ids.map((id) => (
        <button
          key={id}
          type="button"
          className="chat-list-item"
          data-testid="sandbox-chat"
          data-chat-id={id}
          aria-current={id === chatId ? 'true' : undefined}
          onClick={() => openChat(id)}
        >
          {chatLabel(id, userId, userName)}
        </button>
      ))}
    </nav>
  );
}
