import { BotApiError } from './errors';
import { webhookUrlProblem } from './webhook-url';

/** Refuses a webhook URL that cannot work, before any request is made. */
export function assertWebhookUrl(url: string, allowLoopbackHttp: boolean): void {
  const problem = webhookUrlProblem(url, { allowLoopbackHttp });
  if (problem) {
    throw new BotApiError({
      kind: 'refused',
      method: 'setWebhook',
      target: 'not sent',
      description: problem,
    });
  }
}
