import type { DeliveryFilter, Platform, Problem } from '@contract';
import { FILTER_ID_MAX, FILTER_KIND_MAX, FILTER_QUERY_MAX } from '@contract/filter-rules';
import { PROBLEMS } from '../deliveries/problems';

/**
 * The search bar's fields as typed: every one a string, empty for "any". The
 * contract's schema is not used here (it would bring zod into the renderer);
 * the checks below follow `DeliveryFilter` in src-main/contract/deliveries.ts.
 */
export interface FilterForm {
  query: string;
  kind: string;
  platform: string;
  /** "", "2xx" … "5xx", or an exact code. */
  status: string;
  /** "", "any", "none" or a problem code. */
  problem: string;
  userId: string;
  chatId: string;
  /** `<input type="datetime-local">` values, in the viewer's time zone. */
  from: string;
  to: string;
}

export type FilterField = keyof FilterForm;
export type FieldErrors = Partial<Record<FilterField, string>>;

export const EMPTY_FORM: FilterForm = {
  query: '',
  kind: '',
  platform: '',
  status: '',
  problem: '',
  userId: '',
  chatId: '',
  from: '',
  to: '',
};

/** Offered in the kind field; any other kind can be typed. */
export const KIND_SUGGESTIONS = ['message', 'edited_message', 'callback_query', 'invocation'] as const;

export const STATUS_CLASSES = ['2xx', '3xx', '4xx', '5xx'] as const;
type StatusClass = (typeof STATUS_CLASSES)[number];

/** Every platform, so a new one in the contract fails to compile here until it has a label. */
export const PLATFORM_LABELS: Record<Platform, string> = {
  solafon: 'Solafon',
  telegram: 'Telegram',
  'signed-link': 'Signed link',
  unknown: 'Unknown',
};

export const PROBLEM_CODES = Object.keys(PROBLEMS) as Problem[];

const isPlatform = (value: string): value is Platform => Object.hasOwn(PLATFORM_LABELS, value);
const isProblem = (value: string): value is Problem => Object.hasOwn(PROBLEMS, value);
const isStatusClass = (value: string): value is StatusClass =>
  (STATUS_CLASSES as readonly string[]).includes(value);

const pad = (value: number, width = 2) => String(Math.abs(value)).padStart(width, '0');

const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?$/;

/**
 * A datetime-local value as an ISO 8601 time with the viewer's offset at that
 * moment (`2024-03-05T14:30:00+01:00`), or null when it is not one.
 * `edge: 'end'` makes an inclusive upper bound: the last millisecond of the
 * second shown (the input shows seconds), so "to 14:30:00" keeps 14:30:00.400.
 */
export function localToIso(value: string, edge: 'start' | 'end' = 'start'): string | null {
  const match = LOCAL_DATE_TIME.exec(value.trim());
  if (match === null) return null;
  const [, year, month, day, hours, minutes, seconds = '0', fraction] = match;
  const millis = fraction === undefined ? (edge === 'end' ? 999 : 0) : Number(fraction.padEnd(3, '0'));
  const date = new Date(
    Number(year),
    Number(month) - 1,
    Number(day),
    Number(hours),
    Number(minutes),
    Number(seconds),
    millis,
  );
  // new Date rolls "02-30" over into March: such a value is not a date.
  if (
    Number.isNaN(date.getTime()) ||
    date.getMonth() !== Number(month) - 1 ||
    date.getDate() !== Number(day) ||
    Number(hours) > 23 ||
    Number(minutes) > 59 ||
    Number(seconds) > 59
  ) {
    return null;
  }
  const offset = -date.getTimezoneOffset();
  const sign = offset < 0 ? '-' : '+';
  const ms = date.getMilliseconds();
  return (
    `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` +
    `T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}` +
    `${ms === 0 ? '' : `.${pad(ms, 3)}`}` +
    `${sign}${pad(Math.trunc(offset / 60))}:${pad(offset % 60)}`
  );
}

/** An ISO time back as a datetime-local value (to the second) in the viewer's time zone; '' if it does not parse. */
export function isoToLocal(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return (
    `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` +
    `T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`
  );
}

function parseStatus(text: string): DeliveryFilter['status'] | null {
  const value = text.trim().toLowerCase();
  if (isStatusClass(value)) return value;
  if (!/^\d{3}$/.test(value)) return null;
  const code = Number(value);
  return code >= 100 && code <= 599 ? code : null;
}

/**
 * The form as the filter `deliveries.list` gets, the inbox (chosen in the
 * header) included. Empty fields are left out. With any error the filter is
 * not to be sent: the errors say which field is wrong and why.
 */
export function formToFilter(
  form: FilterForm,
  inbox: string | null = null,
): { filter: DeliveryFilter; errors: FieldErrors } {
  const filter: DeliveryFilter = {};
  const errors: FieldErrors = {};
  if (inbox !== null) filter.inbox = inbox;

  const query = form.query.trim();
  if (query.length > FILTER_QUERY_MAX) errors.query = `The search is at most ${FILTER_QUERY_MAX} characters.`;
  else if (query !== '') filter.query = query;

  const kind = form.kind.trim();
  if (kind.length > FILTER_KIND_MAX) errors.kind = `A kind is at most ${FILTER_KIND_MAX} characters.`;
  else if (kind !== '') filter.kind = kind;

  if (form.platform !== '') {
    if (isPlatform(form.platform)) filter.platform = form.platform;
    else errors.platform = `There is no platform “${form.platform}”.`;
  }

  if (form.status.trim() !== '') {
    const status = parseStatus(form.status);
    if (status === null)
      errors.status = 'Status is a code from 100 to 599, or a class: 2xx, 3xx, 4xx or 5xx.';
    else filter.status = status;
  }

  if (form.problem !== '') {
    if (form.problem === 'any' || form.problem === 'none' || isProblem(form.problem)) {
      filter.problem = form.problem;
    } else {
      errors.problem = `There is no problem “${form.problem}”.`;
    }
  }

  for (const [field, label] of [
    ['userId', 'A user id'],
    ['chatId', 'A chat id'],
  ] as const) {
    const id = form[field].trim();
    if (id.length > FILTER_ID_MAX) errors[field] = `${label} is at most ${FILTER_ID_MAX} characters.`;
    else if (id !== '') filter[field] = id;
  }

  for (const [field, label, edge] of [
    ['from', 'From', 'start'],
    ['to', 'To', 'end'],
  ] as const) {
    if (form[field].trim() === '') continue;
    const iso = localToIso(form[field], edge);
    if (iso === null) errors[field] = `${label} is not a date and time.`;
    else filter[field] = iso;
  }
  if (
    filter.from !== undefined &&
    filter.to !== undefined &&
    Date.parse(filter.from) > Date.parse(filter.to)
  ) {
    errors.to = 'To is before From: nothing could match.';
  }

  return { filter, errors };
}

/** A filter (as the store holds it) back as form fields, e.g. when the search bar mounts again. */
export function filterToForm(filter: DeliveryFilter): FilterForm {
  return {
    query: filter.query ?? '',
    kind: filter.kind ?? '',
    platform: filter.platform ?? '',
    status: filter.status === undefined ? '' : String(filter.status),
    problem: filter.problem ?? '',
    userId: filter.userId ?? '',
    chatId: filter.chatId ?? '',
    from: filter.from === undefined ? '' : isoToLocal(filter.from),
    to: filter.to === undefined ? '' : isoToLocal(filter.to),
  };
}

/** How many fields besides the search text narrow the list (the "Filters" button's count). */
export const activeFilterCount = (form: FilterForm): number =>
  (Object.keys(form) as FilterField[]).filter((field) => field !== 'query' && form[field].trim() !== '')
    .length;
