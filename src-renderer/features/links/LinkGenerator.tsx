import { type FormEvent, useId, useMemo } from 'react';
import { Field, TextField } from '../../components/Field';
import { FormFooter, SubmitButton } from '../../components/FormFooter';
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
  const signError = useLinks((state) => state.signError?.message ?? null);
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
      <Field htmlFor={`${id}-profile`} label="Bot">
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
      </Field>
      <TextField
        label="Command"
        testId="link-command"
        list={`${id}-commands`}
        value={form.command}
        placeholder="a saved command, or any name"
        aria-invalid={commandProblem !== null}
        aria-describedby={`${id}-command-problem`}
        onValue={(value) => setField('command', value)}
      >
        <datalist id={`${id}-commands`}>
          {commands.map((command) => (
            <option key={command.name} value={command.name} />
          ))}
        </datalist>
        <Problem id={`${id}-command-problem`} problem={commandProblem} testId="link-command-problem" />
      </TextField>
      <TextField
        label="User id"
        testId="link-user"
        value={form.userId}
        placeholder="e.g. 123"
        aria-invalid={userProblem !== null}
        aria-describedby={`${id}-user-problem`}
        onValue={(value) => setField('userId', value)}
      >
        {userSource === 'suggested' && <span className="muted small">from the selected delivery</span>}
        <Problem id={`${id}-user-problem`} problem={userProblem} testId="link-user-problem" />
      </TextField>
      <OptionsField
        id={`${id}-options`}
        value={form.options}
        onChange={(value) => setField('options', value)}
      />
      <ParamRows id={id} />
      <TextField
        label="Redirect"
        testId="link-redirect"
        value={form.redirect}
        placeholder="optional: https://… to send the browser to afterwards"
        aria-invalid={problems.redirect !== null}
        aria-describedby={`${id}-redirect-problem`}
        onValue={(value) => setField('redirect', value)}
      >
        <Problem id={`${id}-redirect-problem`} problem={problems.redirect} testId="link-redirect-problem" />
      </TextField>
      <TextField
        label="Expires in (s)"
        testId="link-expires"
        inputMode="numeric"
        value={form.expiresIn}
        spellCheck={undefined}
        placeholder={`empty: the default (${defaults === null ? '…' : formatExpiry(defaults.expiresIn)}); or seconds, or "${NEVER}"`}
        aria-invalid={problems.expiresIn !== null}
        aria-describedby={`${id}-expires-problem`}
        onValue={(value) => setField('expiresIn', value)}
      >
        <Problem id={`${id}-expires-problem`} problem={problems.expiresIn} testId="link-expires-problem" />
        <DefaultExpiry />
      </TextField>
      <FormFooter error={{ error: signError, testId: 'link-error' }} errorBelow>
        <SubmitButton testId="link-generate" allowed={canSign} disabled={signing || !ready}>
          {signing ? 'Signing…' : 'Generate'}
        </SubmitButton>
        {missing && <span className="muted small">Needs a command and a user id.</span>}
      </FormFooter>
    </form>
  );
}
