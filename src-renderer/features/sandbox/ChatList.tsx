import type { ReactNode } from 'react';
import { useSandbox } from './context';
import { parseUserId } from './store';
import { chatType } from './writer';

/** Says what the bot will be told: a private chat is named for its user, a group by its id. */
function chatLabel(chatId: number, name: string | undefined): ReactNode {
  if (chatType(chatId) === 'group') return `Group ${chatId}`;
  // The name in a <bdi>: an override in it must not reorder the chat id after it.
  return (
    <>
      <bdi>{name?.trim() || `User ${chatId}`}</bdi> (private, {chatId})
    </>
  );
}

/** The sandbox bot's chats, plus the chosen user's own one even before its first message. */
export function ChatList() {
  const chats = useSandbox((state) => state.chats);
  const chatId = useSandbox((state) => state.chatId);
  const userId = useSandbox((state) => parseUserId(state.userId));
  const userName = useSandbox((state) => state.userName);
  const names = useSandbox((state) => state.names);
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
          data-chat-type={chatType(id)}
          aria-current={id === chatId ? 'true' : undefined}
          onClick={() => openChat(id)}
        >
          {chatLabel(id, id === userId ? userName : names[String(id)])}
        </button>
      ))}
    </nav>
  );
}
