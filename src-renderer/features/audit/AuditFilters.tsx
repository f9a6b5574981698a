import { useId } from 'react';
import { WrappedField } from '../../components/Field';
import { AUDITED_METHODS } from './auditFilter';
import { useAudit } from './context';

/** Person, method, outcome and time range: each change reads the log again from the newest entry. */
export function AuditFilters() {
  const form = useAudit((state) => state.form);
  const problem = useAudit((state) => state.formProblem);
  const people = useAudit((state) => state.people);
  const setForm = useAudit((state) => state.setForm);
  const id = useId();

  return (
    <fieldset className="audit-filters" data-testid="audit-filters">
      <legend className="visually-hidden">Filter the audit log</legend>
      <WrappedField label="Person">
        <select
          data-testid="audit-filter-person"
          value={form.personId}
          onChange={(event) => setForm({ personId: event.target.value })}
        >
          <option value="">anyone</option>
          {people.map((person) => (
            <option key={person.id} value={String(person.id)}>
              {person.name}
              {person.revokedAt === null ? '' : ' (revoked)'}
            </option>
          ))}
        </select>
      </WrappedField>
      <WrappedField label="Method">
        <select
          data-testid="audit-filter-method"
          value={form.method}
          onChange={(event) => setForm({ method: event.target.value })}
        >
          <option value="">any</option>
          {AUDITED_METHODS.map((method) => (
            <option key={method} value={method}>
              {method}
            </option>
          ))}
        </select>
      </WrappedField>
      <WrappedField label="Outcome">
        <select
          data-testid="audit-filter-outcome"
          value={form.outcome}
          onChange={(event) => setForm({ outcome: event.target.value as '' | 'ok' | 'error' })}
        >
          <option value="">any</option>
          <option value="ok">ok</option>
          <option value="error">error</option>
        </select>
      </WrappedField>
      {(['from', 'to'] as const).map((field) => (
        <WrappedField key={field} label={field === 'from' ? 'From' : 'To'}>
          <input
            type="datetime-local"
            step={1}
            data-testid={`audit-filter-${field}`}
            value={form[field]}
            aria-invalid={problem?.field === field ? true : undefined}
            aria-describedby={problem?.field === field ? `${id}-problem` : undefined}
            onChange={(event) => setForm({ [field]: event.target.value })}
          />
        </WrappedField>
      ))}
      {problem !== null && (
        <span
          id={`${id}-problem`}
          className="error-text small"
          role="alert"
          data-testid="audit-filter-problem"
        >
          {problem.message}
        </span>
      )}
    </fieldset>
  );
}
