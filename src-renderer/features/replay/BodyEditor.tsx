import { Checkbox } from '../../components/Checkbox';
import { FieldError } from '../../components/FieldError';
import type { ReplayForm } from './replayForm';

interface BodyEditorProps {
  /** The original body as the editor starts it, or why it cannot be edited. */
  body: { text: string } | { reason: string };
  form: ReplayForm;
  onChange: (patch: Partial<ReplayForm>) => void;
  error: string | undefined;
  errorId: string;
}

/** "Edit body before sending": a JSON editor over the original, for a one-delivery replay. */
export function BodyEditor({ body, form, onChange, error, errorId }: BodyEditorProps) {
  const original = 'text' in body ? body.text : null;
  return (
    <fieldset className="replay-body">
      <legend className="visually-hidden">Body</legend>
      <Checkbox
        testId="replay-edit"
        checked={form.editBody}
        disabled={original === null}
        onChecked={(editBody) => onChange({ editBody })}
      >
        Edit body before sending
      </Checkbox>
      {'reason' in body && <p className="muted small">{body.reason}</p>}
      {form.editBody && original !== null && (
        <>
          <textarea
            className="body-editor"
            data-testid="replay-body"
            aria-label="Body to send"
            rows={Math.min(20, Math.max(6, form.body.split('\n').length + 1))}
            spellCheck={false}
            value={form.body}
            aria-invalid={error === undefined ? undefined : true}
            aria-describedby={error === undefined ? undefined : errorId}
            onChange={(event) => onChange({ body: event.target.value })}
          />
          <FieldError id={errorId} message={error} testId="replay-body-error" />
          <p className="muted small">
            {form.body === original ? (
              'Unchanged: the original bytes are sent.'
            ) : (
              <>
                Edited: this text is sent as the body.{' '}
                <button type="button" className="link-button" onClick={() => onChange({ body: original })}>
                  Back to the original
                </button>
              </>
            )}
          </p>
        </>
      )}
    </fieldset>
  );
}
