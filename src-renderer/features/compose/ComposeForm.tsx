import { MESSAGE_TEXT_MAX as MAX_TEXT } from '@contract/bot-rules';
import { type FormEvent, type KeyboardEvent, useId } from 'react';
import { useAllowed } from '../../shared/access';
import { matches } from '../shortcuts/registry';
import { useCompose } from './context';

interface ComposeFormProps {
  profileId: number;
}

/** Chat id and text; Ctrl+Enter (⌘+Enter on a Mac) sends from the text box. */
export function ComposeForm({ profileId }: ComposeFormProps) {
  const chatId = useCompose((state) => state.chatId);
  const chatIdSource = useCompose((state) => state.chatIdSource);
  const text = useCompose((state) => state.text);
  const deliveryId = useCompose((state) => state.deliveryId);
  const sending = useCompose((state) => state.sending);
  const setChatId = useCompose((state) => state.setChatId);
  const setText = useCompose((state) => state.setText);
  const detach = useCompose((state) => state.detach);
  const send = useCompose((state) => state.send);
  const canSend = useAllowed('messages.send');
  const id = useId();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (canSend.allowed) void send(profileId);
  };

  const onTextKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (!matches('compose.send', event)) return;
    event.preventDefault();
    // The shortcut must not get around the disabled Send button.
    if (canSend.allowed) void send(profileId);
  };

  return (
    <form className="compose-form" aria-label="Send a message" onSubmit={submit}>
      <div className="form-row">
        <label className="form-label" htmlFor={`${id}-chat`}>
          Chat id
        </label>
        <input
          id={`${id}-chat`}
          data-testid="compose-chat-id"
          value={chatId}
          spellCheck={false}
          autoComplete="off"
          placeholder="e.g. 42, -1001234567890 or @channel"
          onChange={(event) => setChatId(event.target.value)}
        />
        {chatIdSource === 'suggested' && <span className="muted small">from the selected delivery</span>}
      </div>
      {deliveryId !== null && (
        <p className="reply-to" data-testid="compose-reply-to">
          Replying to delivery #{deliveryId}{' '}
          <button type="button" className="link-button" onClick={detach}>
            unlink
          </button>
        </p>
      )}
      <div className="form-row form-row-top">
        <label className="form-label" htmlFor={`${id}-text`}>
          Text
        </label>
        <textarea
          id={`${id}-text`}
          data-testid="compose-text"
          className="compose-text"
          value={text}
          rows={5}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={onTextKeyDown}
        />
      </div>
      <div className="form-actions">
        <span className={`small ${text.length > MAX_TEXT ? 'error-text' : 'muted'}`}>
          {text.length} / {MAX_TEXT} · Ctrl+Enter sends
        </span>
        <span className="header-spacer" />
        <button
          type="submit"
          className="button primary"
          data-testid="compose-send"
          disabled={!canSend.allowed || sending}
          title={canSend.reason}
        >
          {sending ? 'Sending…' : 'Send'}
        </button>
      </div>
    </form>
  );
}
