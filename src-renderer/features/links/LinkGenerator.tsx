import { type FormEvent, useId, useMemo } from 'react';
import { useAllowed } from '../../shared/access';
import { useCommands } from '../commands/context';
import { useProfiles } from '../profiles/context';
import { useLinks } from './context';
import { DefaultExpiry } from './DefaultExpiry';
import { formatExpiry } from './expiry';
import { checkLinkForm, linkFormProblems, NEVER } from './linkForm';
import { OptionsField } from './OptionsField';
import { ParamRows } from './ParamRows';

function Problem({ id, problem, testId }: { id: string; problem: string | null; testId: string }) {
  if (problem === null) return null;
  return (
    <span id={id} className="error-text small" data-testid={testId}>
      {problem}
    </span>
  );
}

/** TeleBotHost's getUrlFor as a form: a link that runs one command for one user. */
export function LinkGenerator({ defaultProfileId }: { defaultProfileId: number }) {
  const form = useLinks((state) => state.form);
  const userSource = useLinks((state) => state.userSource);
  const profileId = useLinks((state) => state.profileId);
  const signing = useLinks((state) => state.signing);
  const signError = useLinks((state) => state.signError);
  const setField = useLinks((state) => state.setField);
  const setProfileId = useLinks((state) => state.setProfileId);
  const sign = useLinks((state) => state.sign);
  const loadKeys = useLinks((state) => state.loadKeys);
  const defaults = useLinks((state) => state.defaults);
  const commands = useCommands((state) => state.items);
  const profiles = useProfiles((state) => state.items);
  const canSign = useAllowed('links.sign');
  const id = useId();

  const ready = useMemo(() => checkLinkForm(form).ok, [form]);
  const problems = useMemo(() => linkFormProblems(form), [form]);
  // The two required fields say nothing while still empty: a fresh form should not open in red.
  const commandProblem = form.command.trim() === '' ? null : problems.command;
  const userProblem = form.userId.trim() === '' ? null : problems.userId;
  const missing = form.command.trim() === '' || form.userId.trim() === '';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void sign(defaultProfileId).then((signed) => {
      // A bot's first link makes its first key: the key list below should show it.
      if (signed) void loadKeys(defaultProfileId);
    });
  };

  return (
    <form className="link-generator" aria-label="Generate a signed link" onSubmit={submit}>
      <div className="form-row">
        <label className="form-label" htmlFor={`${id}-profile`}>
          Bot
        </label>
        <select
          id={`${id}-profile`}
          data-testid="link-profile"
          value={String(profileId ?? defaultProfileId)}
          onChange={(event) => setProfileId(Number(event.target.value))}
        >
          {profiles.map((profile) => (
            <option key={profile.id} value={String(profile.id)}>
              {profile.name} · {profile.platform}
            </option>
          ))}
        </select>
        <span className="muted small">the bot whose key signs the link</span>
      </div>
      <div className="form-row">
        <label className="form-label" htmlFor={`${id}-command`}>
          Command
        </label>
        <input
          id={`${id}-command`}
          data-testid="link-command"
          list={`${id}-commands`}
          value={form.command}
          spellCheck={false}
          autoComplete="off"
          placeholder="a saved command, or any name"
          aria-invalid={commandProblem !== null}
          aria-describedby={`${id}-command-problem`}
          onChange={(event) => setField('command', event.target.value)}
        />
        <datalist id={`${id}-commands`}>
          {commands.map((command) => (
            <option key={command.name} value={command.name} />
          ))}
        </datalist>
        <Problem id={`${id}-command-problem`} problem={commandProblem} testId="link-command-problem" />
      </div>
      <div className="form-row">
        <label className="form-label" htmlFor={`${id}-user`}>
          User id
        </label>
        <input
          id={`${id}-user`}
          data-testid="link-user"
          value={form.userId}
          spellCheck={false}
          autoComplete="off"
          placeholder="e.g. 123"
          aria-invalid={userProblem !== null}
          aria-describedby={`${id}-user-problem`}
          onChange={(event) => setField('userId', event.target.value)}
        />
        {userSource === 'suggested' && <span className="muted small">from the selected delivery</span>}
        <Problem id={`${id}-user-problem`} problem={userProblem} testId="link-user-problem" />
      </div>
      <OptionsField
        id={`${id}-options`}
        value={form.options}
        onChange={(value) => setField('options', value)}
      />
      <ParamRows id={id} />
      <div className="form-row">
        <label className="form-label" htmlFor={`${id}-redirect`}>
          Redirect
        </label>
        <input
          id={`${id}-redirect`}
          data-testid="link-redirect"
          value={form.redirect}
          spellCheck={false}
          autoComplete="off"
          placeholder="optional: https://… to send the browser to afterwards"
          aria-invalid={problems.redirect !== null}
          aria-describedby={`${id}-redirect-problem`}
          onChange={(event) => setField('redirect', event.target.value)}
        />
        <Problem id={`${id}-redirect-problem`} problem={problems.redirect} testId="link-redirect-problem" />
      </div>
      <div className="form-row">
        <label className="form-label" htmlFor={`${id}-expires`}>
          Expires in (s)
        </label>
        <input
          id={`${id}-expires`}
          data-testid="link-expires"
          inputMode="numeric"
          value={form.expiresIn}
          autoComplete="off"
          placeholder={`empty: the default (${defaults === null ? '…' : formatExpiry(defaults.expiresIn)}); or seconds, or "${NEVER}"`}
          aria-invalid={problems.expiresIn !== null}
          aria-describedby={`${id}-expires-problem`}
          onChange={(event) => setField('expiresIn', event.target.value)}
        />
        <Problem id={`${id}-expires-problem`} problem={problems.expiresIn} testId="link-expires-problem" />
        <DefaultExpiry />
      </div>
      <div className="form-actions">
        <button
          type="submit"
          className="button primary"
          data-testid="link-generate"
          disabled={!canSign.allowed || signing || !ready}
          title={canSign.reason}
        >
          {signing ? 'Signing…' : 'Generate'}
        </button>
        {missing && <span className="muted small">Needs a command and a user id.</span>}
      </div>
      {signError !== null && (
        <p className="error-text" role="alert" data-testid="link-error">
          {signError}
        </p>
      )}
    </form>
  );
}
