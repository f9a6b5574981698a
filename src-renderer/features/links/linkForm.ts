import type { SignLinkInput } from '@contract';
import { describeError } from '@contract/describe-error';
import { LINK_EXPIRY_MAX, LINK_USER_ID_MAX } from '@contract/link-rules';
import { entityIdFromText } from '../../shared/entityId';
import { commandNameProblem } from '../commands/commandName';
import { type ParamRow, paramPairs, paramProblems } from './params';

export interface LinkForm {
  command: string;
  userId: string;
  /** JSON text; empty for no options. */
  options: string;
  params: ParamRow[];
  redirect: string;
  /** Seconds, as typed; empty for the default expiry of new links, "never" for none. */
  expiresIn: string;
}

export const EMPTY_LINK_FORM: LinkForm = {
  command: '',
  userId: '',
  options: '',
  params: [],
  redirect: '',
  expiresIn: '',
};

export interface LinkFormProblems {
  command: string | null;
  userId: string | null;
  options: string | null;
  redirect: string | null;
  expiresIn: string | null;
  /** By row id. */
  params: Map<number, string>;
}

export type CheckedLinkForm =
  | { ok: true; input: Omit<SignLinkInput, 'profileId'> }
  | { ok: false; problems: LinkFormProblems };

/** Why the options text is not JSON, or null when it is (or is empty: no options). */
export function optionsProblem(text: string): string | null {
  if (text.trim() === '') return null;
  try {
    JSON.parse(text);
    return null;
  } catch (error) {
    return `Not valid JSON: ${describeError(error)}`;
  }
}

function redirectProblem(text: string): string | null {
  if (text.trim() === '') return null;
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return 'Not a URL: a redirect is an absolute https:// address.';
  }
  return url.protocol === 'https:' ? null : `Only https:// redirects; this one is ${url.protocol}//.`;
}

/** Typed into the expiry field for a link that never expires. */
export const NEVER = 'never';

const isNever = (text: string) => text.trim().toLowerCase() === NEVER;

function expiresProblem(text: string): string | null {
  const trimmed = text.trim();
  if (trimmed === '' || isNever(trimmed)) return null;
  if (!/^\d+$/.test(trimmed) || Number(trimmed) <= 0)
    return `A whole number of seconds, more than 0, or "${NEVER}".`;
  if (Number(trimmed) > LINK_EXPIRY_MAX) return `At most ${LINK_EXPIRY_MAX} seconds (ten years).`;
  return null;
}

function userProblem(text: string): string | null {
  const trimmed = text.trim();
  if (trimmed === '') return 'Enter the user id the link is for.';
  if (trimmed.length > LINK_USER_ID_MAX) return `A user id is at most ${LINK_USER_ID_MAX} characters.`;
  return null;
}

/** Every field checked the way core checks it, so a refusal is said next to its field before any call. */
export function checkLinkForm(form: LinkForm): CheckedLinkForm {
  const command = form.command.trim();
  const problems: LinkFormProblems = {
    command: command === '' ? 'Choose or type the command the link runs.' : commandNameProblem(command),
    userId: userProblem(form.userId),
    options: optionsProblem(form.options),
    redirect: redirectProblem(form.redirect),
    expiresIn: expiresProblem(form.expiresIn),
    params: paramProblems(form.params),
  };
  const { params, ...fields } = problems;
  if (params.size > 0 || Object.values(fields).some((problem) => problem !== null)) {
    return { ok: false, problems };
  }
  const options = form.options.trim();
  const redirect = form.redirect.trim();
  const expiresIn = form.expiresIn.trim();
  return {
    ok: true,
    input: {
      command,
      // A number when it is one, as the platforms give it (TeleBotHost's `user_id: 123`).
      userId: entityIdFromText(form.userId),
      ...(options === '' ? {} : { options }),
      params: paramPairs(form.params),
      ...(redirect === '' ? {} : { redirect }),
      // Empty: the inspector's default for new links; "never": a link without expiry.
      ...(expiresIn === '' ? {} : { expiresIn: isNever(expiresIn) ? null : Number(expiresIn) }),
    },
  };
}

export const NO_PROBLEMS: LinkFormProblems = {
  command: null,
  userId: null,
  options: null,
  redirect: null,
  expiresIn: null,
  params: new Map(),
};

/** The problems to show, or none when the form is good. */
export function linkFormProblems(form: LinkForm): LinkFormProblems {
  const checked = checkLinkForm(form);
  return checked.ok ? NO_PROBLEMS : checked.problems;
}
