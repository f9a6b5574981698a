import type { SandboxChatMessage } from '@contract';
import { useAllowed } from '../../shared/access';
import { useSandbox } from './context';

/** Only web links open; anything else a bot put in a button stays text. */
const isWebUrl = (url: string): boolean => {
  try {
    return ['http:', 'https:'].includes(new URL(url).protocol);
  } catch {
    return false;
  }
};

/** A bot message's inline keyboard: a callback button sends a `callback_query`, a URL button opens it. */
export function InlineKeyboard({ message }: { message: SandboxChatMessage }) {
  const press = useSandbox((state) => state.press);
  const sending = useSandbox((state) => state.sending);
  const canPress = useAllowed('sandbox.press');
  const rows = message.replyMarkup?.inline_keyboard ?? [];
  return (
    <div className="inline-keyboard" data-testid="inline-keyboard">
      {rows.map((row, r) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a keyboard's rows have no identity but their place.
        <div className="inline-keyboard-row" key={r}>
          {row.map((button, b) =>
            button.callback_data !== undefined ? (
              <button
                // biome-ignore lint/suspicious/noArrayIndexKey: nor do its buttons.
                key={b}
                type="button"
                className="button inline-button"
                data-testid="inline-button"
                disabled={!canPress.allowed || sending}
                title={canPress.reason ?? `Sends callback data “${button.callback_data}”`}
                onClick={() => void press(message, button.callback_data as string)}
              >
                <bdi>{button.text}</bdi>
              </button>
            ) : button.url !== undefined && isWebUrl(button.url) ? (
              <a
                // biome-ignore lint/suspicious/noArrayIndexKey: nor do its buttons.
                key={b}
                className="button inline-button"
                data-testid="inline-link"
                href={button.url}
                target="_blank"
                rel="noopener noreferrer"
              >
                <bdi>{button.text}</bdi> ↗
              </a>
            ) : (
              // biome-ignore lint/suspicious/noArrayIndexKey: nor do its buttons.
              <span key={b} className="button inline-button" aria-disabled="true">
                <bdi>{button.text}</bdi>
              </span>
            ),
          )}
        </div>
      ))}
    </div>
  );
}
