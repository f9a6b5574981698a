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
};
