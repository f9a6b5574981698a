import { MESSAGE_TEXT_MAX as MAX_TEXT } from '@contract/bot-rules';
import { type FormEvent, type KeyboardEvent, useId } from 'react';
import { Field, TextField } from '../../components/Field';
import { FormFooter, SubmitButton } from '../../components/FormFooter';
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
      <TextField
        label="Chat id"
        testId="compose-chat-id"
        value={chatId}
        placeholder="e.g. 42, -1001234567890 or @channel"
        onValue={setChatId}
      >
        {chatIdSource === 'suggested' && <span className="muted small">from the selected delivery</span>}
      </TextField>
      {deliveryId !== null && (
        <p className="reply-to" data-testid="compose-reply-to">
          Replying to delivery #{deliveryId}{' '}
          <button type="button" className="link-button" onClick={detach}>
            unlink
          </button>
        </p>
      )}
      <Field htmlFor={`${id}-text`} label="Text" top>
        <textarea
          id={`${id}-text`}
          data-testid="compose-text"
          className="compose-text"
          value={text}
          rows={5}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={onTextKeyDown}
        />
      </Field>
      <FormFooter>
        <span className={`small ${text.length > MAX_TEXT ? 'error-text' : 'muted'}`}>
          {text.length} / {MAX_TEXT} · Ctrl+Enter sends
        </span>
        <span className="header-spacer" />
        <SubmitButton testId="compose-send" allowed={canSend} disabled={sending}>
          {sending ? 'Sending…' : 'Send'}
        </SubmitButton>
      </FormFooter>
    </form>
  );
}
