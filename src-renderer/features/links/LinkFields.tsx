import type { LinkVerdict } from '@contract';
import { DescriptionItem } from '../../components/DescriptionItem';
import { JsonText } from '../../components/JsonText';
import { PairsTable } from '../../components/PairsTable';
import { formatIso } from '../../shared/time';

type Fields = NonNullable<LinkVerdict['fields']>;

const none = <span className="muted">none</span>;

/** What a link says: command, user, options, params, redirect, expiry and the key that signed it. */
export function LinkFields({ fields }: { fields: Fields }) {
  return (
    <dl className="fields">
      <DescriptionItem label="Command" testId="verify-field-command">
        <code>{fields.command}</code>
      </DescriptionItem>
      <DescriptionItem label="User" testId="verify-field-user">
        {fields.user}
      </DescriptionItem>
      <DescriptionItem label="Options" testId="verify-field-options">
        {fields.options === null ? none : <JsonText text={fields.options} />}
      </DescriptionItem>
      <DescriptionItem label="Params" testId="verify-field-params">
        {fields.params.length === 0 ? none : <PairsTable pairs={fields.params} />}
      </DescriptionItem>
      <DescriptionItem label="Redirect" testId="verify-field-redirect">
        {fields.redirect === null ? none : <code>{fields.redirect}</code>}
      </DescriptionItem>
      <DescriptionItem label="Expires" testId="verify-field-expires">
        {fields.expiresAt === null ? 'never' : formatIso(fields.expiresAt)}
      </DescriptionItem>
      <DescriptionItem label="Key id" testId="verify-field-kid">
        <code>{fields.kid}</code>
      </DescriptionItem>
      <DescriptionItem label="Bot id" testId="verify-field-bot">
        {fields.botId}
      </DescriptionItem>
    </dl>
  );
}
