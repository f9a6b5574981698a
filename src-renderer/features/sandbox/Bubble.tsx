import type { SandboxChatMessage } from '@contract';
import { formatLocalTime, formatUnixSeconds } from '../../shared/time';
import { useSandbox } from './context';
import { InlineKeyboard } from './InlineKeyboard';
import { parseUserId } from './store';

/** How the update that last carried a user's row fared at the bot's webhook. */
function deliveryText(delivery: NonNullable<SandboxChatMessage['delivery']>): string {
  switch (delivery.state) {
    case 'pending':
      return 'sending…';
    case 'delivered':
      return 'delivered';
    case 'retrying':
      return `retrying ${delivery.failures}`;
    case 'failed':
      return 'failed';
  }
}

function Body({ message }: { message: SandboxChatMessage }) {
  const name = message.userName ?? `user ${message.userId ?? '?'}`;
  switch (message.kind) {
    case 'photo':
      return (
        <span className="bubble-text pre-wrap">
          <span className="muted">[photo placeholder]</span> <bdi>{message.text}</bdi>
        </span>
      );
    case 'new_member':
      return (
        <span className="bubble-text muted">
          <bdi>{name}</bdi> joined the group
        </span>
      );
    case 'callback':
      return (
        <span className="bubble-text muted">
          pressed “<bdi>{message.text}</bdi>”
        </span>
      );
    default:
      return <bdi className="bubble-text pre-wrap">{message.text}</bdi>;
  }
}

/** One chat row as a bubble: who, when, what, whether it was edited and delivered, and the bot's buttons. */
export function Bubble({ message }: { message: SandboxChatMessage }) {
  const username = useSandbox((state) => state.info?.username ?? null);
  const startEdit = useSandbox((state) => state.startEdit);
  const writerId = useSandbox((state) => parseUserId(state.userId));
  // Only the writer's own texts: the platform refuses edits of anyone else's.
  const ownText = message.sender === 'user' && message.kind === 'text' && message.userId === writerId;
  return (
    <div
      className={`bubble bubble-${message.sender}`}
      data-testid="chat-message"
      data-sender={message.sender}
      data-kind={message.kind}
    >
      <span className="bubble-meta muted small" title={formatUnixSeconds(message.date)}>
        {/* Names and text are the chat's: each in a <bdi>, so an override cannot reorder the time. */}
        <bdi>
          {message.sender === 'bot'
            ? `@${username ?? 'bot'}`
            : (message.userName ?? `user ${message.userId ?? '?'}`)}
        </bdi>{' '}
        · {formatLocalTime(new Date(message.date * 1000))}
        {message.editedAt !== null && (
          <span data-testid="bubble-edited" title={formatUnixSeconds(message.editedAt)}>
            {' '}
            · edited
          </span>
        )}
      </span>
      <Body message={message} />
      {message.replyMarkup !== null && <InlineKeyboard message={message} />}
      {(message.delivery !== null || ownText) && (
        <span className="bubble-foot small">
          {message.delivery !== null && (
            <span
              className={`bubble-delivery delivery-${message.delivery.state}`}
              data-testid="bubble-delivery"
              title={message.delivery.lastError ?? undefined}
            >
              {deliveryText(message.delivery)}
            </span>
          )}
          {ownText && (
            <button
              type="button"
              className="link-button"
              data-testid="bubble-edit"
              onClick={() => startEdit(message)}
            >
              Edit
            </button>
          )}
        </span>
      )}
    </div>
  );
}
