import { REPLAY_DELIVERIES_MAX as REPLAY_LIMIT } from '@contract/replay-rules';
import { type FormEvent, useId, useMemo } from 'react';
import { Checkbox } from '../../components/Checkbox';
import { Field, TextField, TextInput } from '../../components/Field';
import { FieldError } from '../../components/FieldError';
import { FormFooter, SubmitButton } from '../../components/FormFooter';
import { useAllowed } from '../../shared/access';
import { formatCount } from '../deliveries/format';
import { useSelectedProfile } from '../profiles/context';
import { BodyEditor } from './BodyEditor';
import { useReplay } from './context';
import { HeaderRows } from './HeaderRows';
import { RecentTargets } from './RecentTargets';
import './replay.css';
import { buildReplayInput, type ReplayErrors, type ReplayForm } from './replayForm';
import { editableBody, type ReplayScope } from './scope';

interface ReplayFormViewProps {
  scope: ReplayScope;
  form: ReplayForm;
  onChange: (patch: Partial<ReplayForm>) => void;
}

export function ReplayFormView({ scope, form, onChange }: ReplayFormViewProps) {
  const replay = useReplay((state) => state.replay);
  const starting = useReplay((state) => state.starting);
  const error = useReplay((state) => state.error?.message ?? null);
  const profile = useSelectedProfile();
  const canReplay = useAllowed('replay.start');
  const id = useId();
  // Only a profile that keeps a secret can lend it; otherwise the box is off, whatever was ticked.
  const secretProfileId = profile?.hasWebhookSecret === true ? profile.id : null;
  const fromProfile = form.secretFromProfile && secretProfileId !== null;

  const body = scope.kind === 'one' ? editableBody(scope.delivery) : null;
  const originalBody = body !== null && 'text' in body ? body.text : null;
  const { input, errors } = useMemo(
    () => buildReplayInput(form, scope, originalBody, secretProfileId),
    [form, scope, originalBody, secretProfileId],
  );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (input === null) return;
    // The inspector remembers the target for the inbox once the replay starts.
    await replay(input, scope);
  };

  const problem = (field: keyof ReplayErrors, testId: string) => ({
    id: `${id}-${field}-error`,
    message: errors[field],
    testId,
  });

  return (
    <form className="replay-form" noValidate onSubmit={(event) => void submit(event)}>
      <ScopeNote scope={scope} />
      <TextField
        label="Target URL"
        type="url"
        className="wide-input"
        testId="replay-target"
        value={form.target}
        problem={problem('target', 'replay-target-error')}
        onValue={(target) => onChange({ target })}
      />
      <RecentTargets current={form.target} onPick={(target) => onChange({ target })} />

      {scope.kind === 'one' && body !== null && (
        <BodyEditor
          body={body}
          form={form}
          onChange={onChange}
          error={errors.body}
          errorId={`${id}-body-error`}
        />
      )}

      <div className="form-row">
        <Checkbox
          testId="replay-renumber"
          checked={form.renumber}
          onChecked={(renumber) => onChange({ renumber })}
        >
          Renumber update_id
        </Checkbox>
        <span className="muted small">bots skip update ids they have already seen</span>
      </div>

      <TextField
        label="Headers to keep"
        type="text"
        className="wide-input"
        testId="replay-keep-headers"
        placeholder="e.g. User-Agent, X-Request-Id (Content-Type always)"
        value={form.keepHeaders}
        problem={problem('keepHeaders', 'replay-keep-headers-error')}
        onValue={(keepHeaders) => onChange({ keepHeaders })}
      />

      <div className="form-row form-row-top">
        <span className="form-label">Extra headers</span>
        <HeaderRows
          rows={form.headers}
          onChange={(headers) => onChange({ headers })}
          invalid={errors.headers !== undefined}
          describedBy={`${id}-headers-error`}
        />
      </div>
      <FieldError id={`${id}-headers-error`} message={errors.headers} testId="replay-headers-error" />

      <TextField
        label="Telegram secret token"
        type="text"
        className="wide-input"
        testId="replay-secret"
        placeholder="optional: sent as X-Telegram-Bot-Api-Secret-Token"
        value={form.secretToken}
        disabled={fromProfile}
        problem={problem('secretToken', 'replay-secret-error')}
        onValue={(secretToken) => onChange({ secretToken })}
      />
      <div className="form-row">
        <Checkbox
          testId="replay-secret-from-profile"
          checked={fromProfile}
          disabled={secretProfileId === null}
          onChecked={(secretFromProfile) => onChange({ secretFromProfile })}
        >
          Use the profile's webhook secret
        </Checkbox>
        <span className="muted small" data-testid="replay-secret-from-profile-note">
          {profile === null
            ? 'no bot profile selected'
            : secretProfileId === null
              ? `“${profile.name}” keeps no webhook secret`
              : `from “${profile.name}”`}
        </span>
      </div>

      <Field
        htmlFor={`${id}-concurrency`}
        label="Concurrency"
        problem={problem('concurrency', 'replay-concurrency-error')}
      >
        <TextInput
          id={`${id}-concurrency`}
          type="number"
          className="number-input"
          testId="replay-concurrency"
          min={1}
          max={32}
          step={1}
          value={form.concurrency}
          problem={problem('concurrency', 'replay-concurrency-error')}
          onValue={(concurrency) => onChange({ concurrency })}
        />
        <label className="form-label form-label-inline" htmlFor={`${id}-rate`}>
          Requests per second
        </label>
        <TextInput
          id={`${id}-rate`}
          type="number"
          className="number-input"
          testId="replay-rate"
          min={0}
          step="any"
          placeholder="no limit"
          value={form.rate}
          problem={problem('rate', 'replay-rate-error')}
          onValue={(rate) => onChange({ rate })}
        />
      </Field>
      <FieldError {...problem('rate', 'replay-rate-error')} />

      <FormFooter error={{ error, testId: 'replay-error' }}>
        <SubmitButton testId="replay-start" allowed={canReplay} disabled={input === null || starting}>
          {starting ? 'Starting…' : 'Start'}
        </SubmitButton>
      </FormFooter>
    </form>
  );
}

function ScopeNote({ scope }: { scope: ReplayScope }) {
  if (scope.kind === 'filter' && scope.total > REPLAY_LIMIT) {
    return (
      <p className="note-inline muted">
        At most {formatCount(REPLAY_LIMIT)} are replayed: the newest that match, oldest first.
      </p>
    );
  }
  if (scope.kind === 'one') return null;
  return (
    <p className="note-inline muted">
      Sent oldest first, as the platform sent them. A body can be edited when replaying one delivery from its
      detail pane.
    </p>
  );
}
