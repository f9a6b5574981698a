import { useEffect, useRef } from 'react';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Bubble } from './Bubble';
import { useSandbox } from './context';

const TOAST_MS = 4000;

/** The bot's answer to a button press, as Telegram shows it: briefly, above the chat. */
function CallbackToast() {
  const toast = useSandbox((state) => state.toast);
  const dismiss = useSandbox((state) => state.dismissToast);
  useEffect(() => {
    if (toast === null) return;
    const timer = setTimeout(dismiss, TOAST_MS);
    return () => clearTimeout(timer);
  }, [toast, dismiss]);
  if (toast === null) return null;
  return (
    <div className="sandbox-toast" role="status" data-testid="sandbox-toast">
      <bdi>{toast.text}</bdi>
    </div>
  );
}

/** The open chat as bubbles: the simulated users on the right, the bot on the left. */
export function Conversation() {
  const messages = useSandbox((state) => state.messages);
  const loaded = useSandbox((state) => state.messagesLoaded);
  const error = useSandbox((state) => state.loadError?.message ?? null);
  const endRef = useRef<HTMLDivElement>(null);

  // Follow the conversation: the newest message is the one to read.
  // biome-ignore lint/correctness/useExhaustiveDependencies(messages): a new list is the reason to scroll.
  useEffect(() => {
    endRef.current?.scrollIntoView?.({ block: 'end' });
  }, [messages]);

  // The bot's answers to presses are toasts, not bubbles.
  const bubbles = messages.filter((message) => message.kind !== 'callback_answer');
  return (
    <div className="conversation" data-testid="sandbox-conversation" aria-live="polite">
      <CallbackToast />
      {error !== null && <ErrorMessage message={`Could not read the chat: ${error}`} />}
      {loaded && messages.length === 0 && (
        <p className="note">No messages yet: say something, and your bot's answers appear here.</p>
      )}
      {bubbles.map((message) => (
        <Bubble key={message.id} message={message} />
      ))}
      <div ref={endRef} />
    </div>
  );
}
