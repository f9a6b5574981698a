import { useEffect, useRef } from 'react';
import { ErrorMessage } from '../../components/ErrorMessage';
import { formatLocalTime, formatUnixSeconds } from '../../shared/time';
import { useSandbox } from './context';

/** The open chat as bubbles: the simulated user on the right, the bot on the left. */
export function Conversation() {
  const messages = useSandbox((state) => state.messages);
  const loaded = useSandbox((state) => state.messagesLoaded);
  const error = useSandbox((state) => state.loadError);
  const username = useSandbox((state) => state.info?.username ?? null);
  const endRef = useRef<HTMLDivElement>(null);

  // Follow the conversation: the newest message is the one to read.
  // biome-ignore lint/correctness/useExhaustiveDependencies(messages): a new list is the reason to scroll.
  useEffect(() => {
    endRef.current?.scrollIntoView?.({ block: 'end' });
  }, [messages]);

  return (
    <div className="conversation" data-testid="sandbox-conversation" aria-live="polite">
      {error !== null && <ErrorMessage message={`Could not read the chat: ${error}`} />}
      {loaded && messages.length === 0 && (
        <p className="note">No messages yet: say something, and your bot's answers appear here.</p>
      )}
      {messages.map((message) => (
        <div
          key={message.id}
          className={`bubble bubble-${message.sender}`}
          data-testid="chat-message"
          data-sender={message.sender}
        >
          <span className="bubble-meta muted small" title={formatUnixSeconds(message.date)}>
            {/* Names and text are the chat's: each in a <bdi>, so an override cannot reorder the time. */}
            <bdi>
              {message.sender === 'bot'
                ? `@${username ?? 'bot'}`
                : (message.userName ?? `user ${message.userId ?? '?'}`)}
            </bdi>{' '}
            · {formatLocalTime(new Date(message.date * 1000))}
          </span>
          <bdi className="bubble-text pre-wrap">{message.text}</bdi>
        </div>
      ))}
      <div ref={endRef} />
    </div>
  );
}
