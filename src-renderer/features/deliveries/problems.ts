import type { Problem } from '@contract';

interface ProblemText {
  label: string;
  explanation: string;
}

export const PROBLEMS: Record<Problem, ProblemText> = {
  duplicate: {
    label: 'Duplicate',
    explanation:
      'This inbox already received an update with the same update id. Platforms resend an update ' +
      'when the bot does not answer 2xx in time, so the bot may process it twice.',
  },
  'malformed-json': {
    label: 'Bad JSON',
    explanation: 'The body is not valid JSON, so it could not be read as an update.',
  },
  'too-large': {
    label: 'Too large',
    explanation: 'The body was over the size limit; its bytes were not kept.',
  },
  'unknown-shape': {
    label: 'Unknown shape',
    explanation: 'Valid JSON, but neither a Solafon nor a Telegram update: no summary could be made.',
  },
  'unknown-inbox': {
    label: 'Unknown inbox',
    explanation:
      'Sent to an inbox that does not exist (a typo in the webhook URL?). It was kept and answered 404; ' +
      'create the inbox to accept such deliveries.',
  },
  'invalid-link': {
    label: 'Invalid link',
    explanation:
      'A signed link failed verification (a changed value, a wrong or retired key, a reserved or ' +
      'repeated parameter…) and was answered 403 without running its command. The Invocation tab ' +
      'names the failed check.',
  },
  'expired-link': {
    label: 'Expired link',
    explanation:
      'A signed link was opened after its expiry time; it was answered 403 without running its command. ' +
      'Sign a new link, or one without an expiry.',
  },
  'unknown-command': {
    label: 'Unknown command',
    explanation:
      'A correctly signed link names a command that does not exist (deleted or renamed?): answered 404. ' +
      'Save a command under that name to make the link work again.',
  },
  'command-error': {
    label: 'Command error',
    explanation:
      'The command threw, ran too long or used too much memory: answered 500. The Invocation tab shows ' +
      'the error and what the command logged before it.',
  },
  'bad-secret': {
    label: 'Bad secret',
    explanation:
      'This inbox checks the webhook secret of the bot profile that feeds it, and the ' +
      'X-Telegram-Bot-Api-Secret-Token header was missing or different: it may not come from the platform. ' +
      'The inbox’s settings say whether such deliveries are answered 401.',
  },
};

const isKnown = (code: string): code is Problem => Object.hasOwn(PROBLEMS, code);

/**
 * The words for a problem code; a code this version does not know (from a
 * newer inspector, or an imported file) gets a neutral text instead of
 * nothing, so no view fails on it.
 */
export function problemText(code: string): ProblemText & { known: boolean } {
  if (isKnown(code)) return { ...PROBLEMS[code], known: true };
  return {
    label: code,
    explanation: `A problem code this version of the inspector does not know ("${code}").`,
    known: false,
  };
}
