import type { FormEvent } from 'react';
import { FormError, SubmitButton } from '../../components/FormFooter';
import { useAllowed } from '../../shared/access';
import { useSandbox } from './context';
import { parseUserId } from './store';
import { chatType } from './writer';

/** One line to the bot; Enter sends, as in a chat app. */
export function SayForm() {
  const text = useSandbox((state) => state.text);
  const sending = useSandbox((state) => state.sending);
  const error = useSandbox((state) => state.sendError?.message ?? null);
  const setText = useSandbox((state) => state.setText);
  const send = useSandbox((state) => state.send);
  const canSay = useAllowed('sandbox.say');
  const chatId = useSandbox((state) => state.chatId);
  const userId = useSandbox((state) => parseUserId(state.userId));
  const userName = useSandbox((state) => state.userName);
  const editing = useSandbox((state) => state.editing);
  const cancelEdit = useSandbox((state) => state.cancelEdit);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void send();
  };

  return (
    <form className="say-form" aria-label="Write to the bot" onSubmit={submit}>
      <p className="muted small say-as" data-testid="sandbox-writing-as">
        {/* What the update will say, so the label and the delivered chat.type never disagree. */}
        Writing as <bdi>{userName.trim() || `User ${userId ?? '?'}`}</bdi> ({userId ?? '?'}) in{' '}
        {chatType(chatId) === 'private' ? `a private chat` : `group ${chatId}`} — chat.type “
        {chatType(chatId)}”
      </p>
      {editing !== null && (
        <p className="muted small say-as" data-testid="sandbox-editing">
          Editing your message #{editing.messageId}: the bot gets an edited_message.{' '}
          <button type="button" className="link-button" onClick={cancelEdit}>
            Cancel
          </button>
        </p>
      )}
      <input
        data-testid="sandbox-text"
        className="say-input"
        value={text}
        maxLength={4096}
        placeholder="Message the sandbox bot…"
        aria-label="Message"
        autoComplete="off"
        onChange={(event) => setText(event.target.value)}
      />
      <SubmitButton testId="sandbox-send" allowed={canSay} disabled={sending || text.trim() === ''}>
        {editing === null ? 'Send' : 'Save edit'}
      </SubmitButton>
      <FormError error={error} testId="sandbox-error" />
    </form>
  );
}
