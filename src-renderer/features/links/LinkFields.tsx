import type { LinkVerdict } from '@contract';
import type { ReactNode } from 'react';
import { JsonText } from '../../components/JsonText';
import { PairsTable } from '../../components/PairsTable';
import { formatIso } from '../../shared/time';

type Fields = NonNullable<LinkVerdict['fields']>;

function Field({ label, name, children }: { label: string; name: string; children: ReactNode }) {
  return (
    <div className="field" data-testid={`verify-field-${name}`}>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

const none = <span className="muted">none</span>;

/** What a link says: command, user, options, params, redirect, expiry and the key that signed it. */
export function LinkFields({ fields }: { fields: Fields }) {
  return (
    <dl className="fields">
      <Field label="Command" name="command">
        <code>{fields.command}</code>
      </Field>
      <Field label="User" name="user">
        {fields.user}
      </Field>
      <Field label="Options" name="options">
        {fields.options === null ? none : <JsonText text={fields.options} />}
      </Field>
      <Field label="Params" name="params">
        {fields.params.length === 0 ? none : <PairsTable pairs={fields.params} />}
      </Field>
      <Field label="Redirect" name="redirect">
        {fields.redirect === null ? none : <code>{fields.redirect}</code>}
      </Field>
      <Field label="Expires" name="expires">
        {fields.expiresAt === null ? 'never' : formatIso(fields.expiresAt)}
      </Field>
      <Field label="Key id" name="kid">
        <code>{fields.kid}</code>
      </Field>
      <Field label="Bot id" name="bot">
        {fields.botId}
      </Field>
    </dl>
  );
}
