import { REPLAY_DELIVERIES_MAX as REPLAY_LIMIT } from '@contract/replay-rules';
import { type FormEvent, useId, useMemo } from 'react';
import { FieldError } from '../../components/FieldError';
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
  const error = useReplay((state) => state.error);
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

  const described = (field: keyof ReplayErrors) =>
    errors[field] === undefined ? undefined : `${id}-${field}-error`;
  const invalid = (field: keyof ReplayErrors) => (errors[field] === undefined ? undefined : true);

  return (
    <form className="replay-form" noValidate onSubmit={(event) => void submit(event)}>
      <ScopeNote scope={scope} />
      <div className="form-row">
        <label className="form-label" htmlFor={`${id}-target`}>
          Target URL
        </label>
        <input
          id={`${id}-target`}
          type="url"
          className="wide-input"
          data-testid="replay-target"
          value={form.target}
          spellCheck={false}
          autoComplete="off"
          aria-invalid={invalid('target')}
          aria-describedby={described('target')}
          onChange={(event) => onChange({ target: event.target.value })}
        />
      </div>
      <FieldError id={`${id}-target-error`} message={errors.target} testId="replay-target-error" />
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
        <label className="checkbox">
          <input
            type="checkbox"
            data-testid="replay-renumber"
            checked={form.renumber}
            onChange={(event) => onChange({ renumber: event.target.checked })}
          />
          Renumber update_id
        </label>
        <span className="muted small">bots skip update ids they have already seen</span>
      </div>

      <div className="form-row">
        <label className="form-label" htmlFor={`${id}-keep`}>
          Headers to keep
        </label>
        <input
          id={`${id}-keep`}
          type="text"
          className="wide-input"
          data-testid="replay-keep-headers"
          placeholder="e.g. User-Agent, X-Request-Id (Content-Type always)"
          value={form.keepHeaders}
          spellCheck={false}
          autoComplete="off"
          aria-invalid={invalid('keepHeaders')}
          aria-describedby={described('keepHeaders')}
          onChange={(event) => onChange({ keepHeaders: event.target.value })}
        />
      </div>
      <FieldError
        id={`${id}-keepHeaders-error`}
        message={errors.keepHeaders}
        testId="replay-keep-headers-error"
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

      <div className="form-row">
        <label className="form-label" htmlFor={`${id}-secret`}>
          Telegram secret token
        </label>
        <input
          id={`${id}-secret`}
          type="text"
          className="wide-input"
          data-testid="replay-secret"
          placeholder="optional: sent as X-Telegram-Bot-Api-Secret-Token"
          value={form.secretToken}
          disabled={fromProfile}
          spellCheck={false}
          autoComplete="off"
          aria-invalid={invalid('secretToken')}
          aria-describedby={described('secretToken')}
          onChange={(event) => onChange({ secretToken: event.target.value })}
        />
      </div>
      <FieldError id={`${id}-secretToken-error`} message={errors.secretToken} testId="replay-secret-error" />
      <div className="form-row">
        <label className="checkbox">
          <input
            type="checkbox"
            data-testid="replay-secret-from-profile"
            checked={fromProfile}
            disabled={secretProfileId === null}
            onChange={(event) => onChange({ secretFromProfile: event.target.checked })}
          />
          Use the profile's webhook secret
        </label>
        <span className="muted small" data-testid="replay-secret-from-profile-note">
          {profile === null
            ? 'no bot profile selected'
            : secretProfileId === null
              ? `“${profile.name}” keeps no webhook secret`
              : `from “${profile.name}”`}
        </span>
      </div>

      <div className="form-row">
        <label className="form-label" htmlFor={`${id}-concurrency`}>
          Concurrency
        </label>
        <input
          id={`${id}-concurrency`}
          type="number"
          className="number-input"
          data-testid="replay-concurrency"
          min={1}
          max={32}
          step={1}
          value={form.concurrency}
          aria-invalid={invalid('concurrency')}
          aria-describedby={described('concurrency')}
          onChange={(event) => onChange({ concurrency: event.target.value })}
        />
        <label className="form-label form-label-inline" htmlFor={`${id}-rate`}>
          Requests per second
        </label>
        <input
          id={`${id}-rate`}
          type="number"
          className="number-input"
          data-testid="replay-rate"
          min={0}
          step="any"
          placeholder="no limit"
          value={form.rate}
          aria-invalid={invalid('rate')}
          aria-describedby={described('rate')}
          onChange={(event) => onChange({ rate: event.target.value })}
        />
      </div>
      <FieldError
        id={`${id}-concurrency-error`}
        message={errors.concurrency}
        testId="replay-concurrency-error"
      />
      <FieldError id={`${id}-rate-error`} message={errors.rate} testId="replay-rate-error" />

      {error !== null && (
        <p className="error-text" role="alert" data-testid="replay-error">
          {error}
        </p>
      )}
      <div className="form-actions">
        <button
          type="submit"
          className="button primary"
          data-testid="replay-start"
          disabled={!canReplay.allowed || input === null || starting}
          title={canReplay.reason}
        >
          {starting ? 'Starting…' : 'Start'}
        </button>
      </div>
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
