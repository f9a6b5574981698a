import type { AuditFilter } from '@contract';
import { METHOD_NAMES, type MethodName } from '@contract/names';
import { changesState } from '@contract/roles';

/** The filter as the form holds it: strings, '' meaning "any". */
export interface AuditFilterForm {
  personId: string;
  method: string;
  outcome: '' | 'ok' | 'error';
  /** datetime-local values, in the viewer's time zone. */
  from: string;
  to: string;
}

export const EMPTY_AUDIT_FILTER: AuditFilterForm = {
  personId: '',
  method: '',
  outcome: '',
  from: '',
  to: '',
};

/** The methods the log can hold: every call that changes something. */
export const AUDITED_METHODS: readonly MethodName[] = METHOD_NAMES.filter(changesState);

export type AuditFilterResult =
  | { ok: true; filter: AuditFilter }
  | { ok: false; problem: string; field: 'from' | 'to' };

/** The contract's filter for the form, or what is wrong with it. */
export function toAuditFilter(form: AuditFilterForm): AuditFilterResult {
  const filter: AuditFilter = {};
  if (form.personId !== '') filter.personId = Number(form.personId);
  if (form.method !== '') filter.method = form.method;
  if (form.outcome !== '') filter.outcome = form.outcome;
  for (const field of ['from', 'to'] as const) {
    const value = form[field];
    if (value === '') continue;
    // datetime-local has no zone: it is the viewer's local time, sent as an instant.
    const date = new Date(value);
    if (Number.isNaN(date.getTime())) {
      return { ok: false, field, problem: `"${value}" is not a date and time.` };
    }
    filter[field] = date.toISOString();
  }
  if (filter.from !== undefined && filter.to !== undefined && filter.from > filter.to) {
    return { ok: false, field: 'to', problem: 'The end of the time range is before its start.' };
  }
  return { ok: true, filter };
}
