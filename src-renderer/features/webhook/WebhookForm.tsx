import type { BotProfile } from '@contract';
import { type FormEvent, useState } from 'react';
import { Checkbox } from '../../components/Checkbox';
import { TextField } from '../../components/Field';
import { FormFooter, SubmitButton } from '../../components/FormFooter';
import { useAllowed } from '../../shared/access';
import { useWebhook } from './context';
import { WebhookNotice } from './WebhookNotice';
import { buildSetWebhookInput, defaultWebhookUrl } from './webhookForm';

interface WebhookFormProps {
  profile: BotProfile;
  receiverUrl: string | null;
}

/** Set and delete. What the platform reports after either comes back with the call itself. */
export function WebhookForm({ profile, receiverUrl }: WebhookFormProps) {
  const busy = useWebhook((state) => state.busy);
  const actionError = useWebhook((state) => state.actionError);
  const setWebhook = useWebhook((state) => state.set);
  const removeWebhook = useWebhook((state) => state.remove);
  const refuse = useWebhook((state) => state.refuse);
  const clearActionError = useWebhook((state) => state.clearActionError);
  // Null until typed in: the offered URL then follows the receiver's address once it has loaded.
  const [url, setUrl] = useState<string | null>(null);
  const [secretToken, setSecretToken] = useState('');
  // One choice for both buttons: what happens to the queue is the same question either way.
  const [dropPending, setDropPending] = useState(false);
  const [maxConnections, setMaxConnections] = useState('');
  const canSet = useAllowed('webhook.set');
  const canDelete = useAllowed('webhook.delete');
  const telegram = profile.platform === 'telegram';
  const shownUrl = url ?? defaultWebhookUrl(profile, receiverUrl);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const built = buildSetWebhookInput(
      { url: shownUrl, secretToken, dropPendingUpdates: dropPending, maxConnections },
      profile,
    );
    if (!built.ok) {
      // Worded as core words its own refusal, so the advice matches it the same way.
      refuse({
        code: 'bad-input',
        message: built.problem,
        details: { kind: 'refused', description: built.problem },
      });
      return;
    }
    void setWebhook(built.input);
  };

  return (
    <form className="webhook-form" aria-label="Set the webhook" onSubmit={submit}>
      <TextField
        label="Webhook URL"
        className="wide-input"
        testId="webhook-url"
        value={shownUrl}
        placeholder="https://your-tunnel.example/webhook"
        aria-invalid={actionError?.details?.kind === 'refused'}
        onValue={(typed) => {
          setUrl(typed);
          if (actionError !== null) clearActionError();
        }}
      />
      {profile.sandbox && (
        <p className="muted small" data-testid="webhook-sandbox-note">
          sandbox: http on this machine allowed — the sandbox platform delivers from this computer, so a
          loopback http:// URL (like the inspector's own receiver) works here, and only here.
        </p>
      )}
      {telegram && (
        <>
          <TextField
            label="Secret token"
            testId="webhook-secret-token"
            value={secretToken}
            placeholder="optional: sent back as X-Telegram-Bot-Api-Secret-Token"
            onValue={setSecretToken}
          />
          <TextField
            label="Max connections"
            testId="webhook-max-connections"
            type="number"
            min={1}
            max={100}
            value={maxConnections}
            placeholder="40"
            onValue={setMaxConnections}
          />
        </>
      )}
      <Checkbox testId="webhook-drop-pending" checked={dropPending} onChecked={setDropPending}>
        {telegram ? 'Drop pending updates when setting or deleting' : 'Drop pending updates when deleting'}
      </Checkbox>
      <FormFooter error={{ error: actionError?.message ?? null, testId: 'webhook-error' }} errorBelow>
        <SubmitButton testId="webhook-set" allowed={canSet} disabled={busy !== null}>
          {busy === 'set' ? 'Setting…' : 'Set webhook'}
        </SubmitButton>
        <span className="header-spacer" />
        <button
          type="button"
          className="button"
          data-testid="webhook-delete"
          disabled={!canDelete.allowed || busy !== null}
          title={canDelete.reason}
          onClick={() => void removeWebhook(dropPending)}
        >
          {busy === 'delete' ? 'Deleting…' : 'Delete webhook'}
        </button>
      </FormFooter>
      <WebhookNotice />
    </form>
  );
}
