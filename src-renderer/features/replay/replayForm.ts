import type { ReplayInput } from '@contract';
import { SECRET_TOKEN } from '@contract/bot-rules';
import { describeError } from '@contract/describe-error';
import {
  EDITED_BODY_MAX,
  HEADER_NAME_MAX,
  HEADER_VALUE_MAX,
  REPLAY_CONCURRENCY_DEFAULT,
  REPLAY_CONCURRENCY_MAX,
  REPLAY_HEADERS_MAX,
  REPLAY_RATE_MAX,
} from '@contract/replay-rules';
import { httpUrlProblem } from '../../shared/httpUrl';
import { type ReplayScope, scopeInput } from './scope';

/** One extra header as typed; `key` keeps React's rows stable while they are added and removed. */
export interface HeaderRow {
  key: number;
  name: string;
  value: string;
}

/** The dialog's fields as typed. The contract's schema is not used (it would bring zod in); its limits are. */
export interface ReplayForm {
  target: string;
  editBody: boolean;
  body: string;
  renumber: boolean;
  /** Comma-separated header names to send again as they came. */
  keepHeaders: string;
  headers: HeaderRow[];
  secretToken: string;
  /** Send the selected profile's kept webhook secret instead of a typed one. */
  secretFromProfile: boolean;
  concurrency: string;
  /** Requests per second; empty: as fast as the concurrency allows. */
  rate: string;
}

export type ReplayField =
  | 'target'
  | 'body'
  | 'keepHeaders'
  | 'headers'
  | 'secretToken'
  | 'concurrency'
  | 'rate';
export type ReplayErrors = Partial<Record<ReplayField, string>>;

/** RFC 9110's token: what a header name may be made of. */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

export function initialForm(target: string, body: string): ReplayForm {
  return {
    target,
    editBody: false,
    body,
    renumber: false,
    keepHeaders: '',
    headers: [],
    secretToken: '',
    secretFromProfile: false,
    concurrency: String(REPLAY_CONCURRENCY_DEFAULT),
    rate: '',
  };
}

export function jsonProblem(text: string): string | null {
  try {
    JSON.parse(text);
    return null;
  } catch (error) {
    return `Not valid JSON: ${describeError(error)}`;
  }
}

function headerNameProblem(name: string): string | null {
  if (name.length > HEADER_NAME_MAX) return `A header name is at most ${HEADER_NAME_MAX} characters.`;
  if (!HEADER_NAME.test(name))
    return `“${name}” is not a header name (letters, digits and !#$%&'*+.^_\`|~-).`;
  return null;
}

function parseKeepHeaders(text: string): { names: string[]; problem: string | null } {
  const names = text
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
  if (names.length > REPLAY_HEADERS_MAX)
    return { names, problem: `At most ${REPLAY_HEADERS_MAX} headers can be kept.` };
  for (const name of names) {
    const problem = headerNameProblem(name);
    if (problem !== null) return { names, problem };
  }
  return { names, problem: null };
}

function parseHeaders(rows: readonly HeaderRow[]): {
  pairs: Array<[string, string]>;
  problem: string | null;
} {
  // A row left entirely empty is a row not used yet, not a mistake.
  const used = rows.filter((row) => row.name.trim() !== '' || row.value !== '');
  const pairs = used.map((row): [string, string] => [row.name.trim(), row.value]);
  if (pairs.length > REPLAY_HEADERS_MAX)
    return { pairs, problem: `At most ${REPLAY_HEADERS_MAX} extra headers.` };
  for (const [name, value] of pairs) {
    if (name === '') return { pairs, problem: 'A header with a value needs a name.' };
    const problem = headerNameProblem(name);
    if (problem !== null) return { pairs, problem };
    if (value.length > HEADER_VALUE_MAX) {
      return { pairs, problem: `The value of ${name} is over ${HEADER_VALUE_MAX} characters.` };
    }
    // A line break would start another header: refused rather than sent as something else.
    if (/[\r\n]/.test(value)) return { pairs, problem: `The value of ${name} has a line break.` };
  }
  return { pairs, problem: null };
}

function parseConcurrency(text: string): number | null {
  if (!/^\d+$/.test(text.trim())) return null;
  const value = Number(text);
  return value >= 1 && value <= REPLAY_CONCURRENCY_MAX ? value : null;
}

function parseRate(text: string): number | null | undefined {
  if (text.trim() === '') return undefined;
  const value = Number(text);
  return Number.isFinite(value) && value > 0 && value <= REPLAY_RATE_MAX ? value : null;
}

/**
 * The form as `replay.start`'s input, or the errors that keep Start disabled.
 * `originalBody` is what the editor started with: an edited body is sent only
 * when it differs, so opening the editor and changing nothing still sends the
 * original bytes (re-serialized JSON would differ, and could round big ids).
 * `secretProfileId` is the selected profile when it keeps a webhook secret:
 * only then can `secretFromProfile` stand in for a typed secret token.
 */
export function buildReplayInput(
  form: ReplayForm,
  scope: ReplayScope,
  originalBody: string | null,
  secretProfileId: number | null = null,
): { input: ReplayInput | null; errors: ReplayErrors } {
  const errors: ReplayErrors = {};

  const targetProblem = httpUrlProblem(form.target, 'The target');
  if (targetProblem !== null) errors.target = targetProblem;

  const editing = form.editBody && scope.kind === 'one' && originalBody !== null;
  if (editing) {
    const problem = jsonProblem(form.body);
    if (problem !== null) errors.body = problem;
    else if (new TextEncoder().encode(form.body).length > EDITED_BODY_MAX)
      errors.body = 'The body is over 1 MiB.';
  }

  const keep = parseKeepHeaders(form.keepHeaders);
  if (keep.problem !== null) errors.keepHeaders = keep.problem;

  const headers = parseHeaders(form.headers);
  if (headers.problem !== null) errors.headers = headers.problem;

  // The contract takes one secret or the other: the profile's wins, and the typed one is not sent.
  const secretFromProfileId = form.secretFromProfile ? secretProfileId : null;
  const secretToken = secretFromProfileId === null ? form.secretToken.trim() : '';
  if (secretToken !== '' && !SECRET_TOKEN.test(secretToken)) {
    errors.secretToken = 'A secret token is 1–256 of A–Z, a–z, 0–9, _ and -.';
  }

  const concurrency = parseConcurrency(form.concurrency);
  if (concurrency === null)
    errors.concurrency = `Concurrency is a whole number from 1 to ${REPLAY_CONCURRENCY_MAX}.`;

  const rate = parseRate(form.rate);
  if (rate === null)
    errors.rate = `The rate is a number of requests per second above 0, at most ${REPLAY_RATE_MAX}.`;

  if (Object.keys(errors).length > 0 || concurrency === null || rate === null) return { input: null, errors };

  const input: ReplayInput = {
    target: form.target.trim(),
    ...scopeInput(scope),
    keepHeaders: keep.names,
    headers: headers.pairs,
    renumberUpdateId: form.renumber,
    concurrency,
    ...(secretToken === '' ? {} : { secretToken }),
    ...(secretFromProfileId === null ? {} : { secretFromProfileId }),
    ...(editing && form.body !== originalBody ? { editedBody: form.body } : {}),
    ...(rate === undefined ? {} : { ratePerSecond: rate }),
  };
  return { input, errors };
}
