import type { BotProfile, SetWebhookInput } from '@contract';
import { SECRET_TOKEN, WEBHOOK_MAX_CONNECTIONS } from '@contract/bot-rules';
import { webhookUrlProblem } from './webhookUrl';

export interface WebhookFormValues {
  url: string;
  /** Telegram only, like the two below. */
  secretToken: string;
  dropPendingUpdates: boolean;
  maxConnections: string;
}

export type SetWebhookBuild = { ok: true; input: SetWebhookInput } | { ok: false; problem: string };

/** The URL to offer: the profile's public URL, else for the sandbox this inspector's own receiver. */
export function defaultWebhookUrl(profile: BotProfile, receiverUrl: string | null): string {
  if (profile.publicUrl !== '') return profile.publicUrl;
  if (profile.sandbox && receiverUrl !== null) return `${receiverUrl.replace(/\/+$/, '')}/webhook`;
  return '';
}

/** `webhook.set`'s input, or the first reason the platform would refuse it. */
export function buildSetWebhookInput(values: WebhookFormValues, profile: BotProfile): SetWebhookBuild {
  const url = values.url.trim();
  const urlProblem = webhookUrlProblem(url, { sandbox: profile.sandbox });
  if (urlProblem !== null) return { ok: false, problem: urlProblem };
  if (profile.platform !== 'telegram') return { ok: true, input: { url } };

  const input: SetWebhookInput = { url };
  if (values.secretToken !== '') {
    if (!SECRET_TOKEN.test(values.secretToken)) {
      return { ok: false, problem: 'A secret token is 1–256 letters, digits, "_" or "-".' };
    }
    input.secretToken = values.secretToken;
  }
  if (values.dropPendingUpdates) input.dropPendingUpdates = true;
  const max = values.maxConnections.trim();
  if (max !== '') {
    const count = Number(max);
    if (!Number.isInteger(count) || count < 1 || count > WEBHOOK_MAX_CONNECTIONS) {
      return {
        ok: false,
        problem: `Max connections is a whole number from 1 to ${WEBHOOK_MAX_CONNECTIONS}.`,
      };
    }
    input.maxConnections = count;
  }
  return { ok: true, input };
}
