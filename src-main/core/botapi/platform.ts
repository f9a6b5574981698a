import type { SentMessage, SetWebhookInput, WebhookInfo, WebhookLogEntry } from '@contract';

/** What every platform adapter offers; the UI never knows which one it talks to. */
export interface BotApi {
  setWebhook(input: SetWebhookInput): Promise<void>;
  deleteWebhook(options?: { dropPendingUpdates?: boolean }): Promise<void>;
  getWebhookInfo(): Promise<WebhookInfo>;
  sendMessage(input: { chatId: number | string; text: string }): Promise<SentMessage>;
  getWebhookLogs(): Promise<WebhookLogEntry[]>;
}

export interface BotCredentials {
  baseUrl: string;
  token: string;
  /** Solafon: the app whose settings hold webhookLogs, and the user JWT that reads them. */
  appId?: string | null;
  jwt?: string | null;
  /** The sandbox delivers on this machine: loopback http webhooks are allowed. */
  allowLoopbackHttp?: boolean;
  timeoutMs?: number;
}

export const DEFAULT_TIMEOUT_MS = 10_000;
