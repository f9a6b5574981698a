import type {
  AppInfo,
  BotProfile,
  SandboxChatMessage,
  SandboxInfo,
  SentReply,
  WebhookInfo,
  WebhookLogEntry,
} from '@contract';

export const APP_INFO: AppInfo = {
  version: '0.1.0',
  receiverUrl: 'http://127.0.0.1:8787',
  dataDir: '/tmp/bwi',
  maxBodyBytes: 1_048_576,
  durability: 'full',
  defaultInbox: 'default',
};

export function makeProfile(id: number, overrides: Partial<BotProfile> = {}): BotProfile {
  return {
    id,
    name: `Bot ${id}`,
    platform: 'solafon',
    baseUrl: 'https://api.solafon.com/api/v1',
    publicUrl: '',
    inbox: 'default',
    appId: null,
    hasToken: true,
    hasJwt: false,
    hasWebhookSecret: false,
    sandbox: false,
    createdAt: '2024-01-01T00:00:00.000Z',
    ...overrides,
  };
}

/** The built-in sandbox profile as core creates it. */
export const SANDBOX_PROFILE = makeProfile(1, {
  name: 'Sandbox',
  baseUrl: 'http://127.0.0.1:8788/api/v1',
  publicUrl: 'http://127.0.0.1:8787/webhook',
  sandbox: true,
});

export function makeWebhookInfo(overrides: Partial<WebhookInfo> = {}): WebhookInfo {
  return {
    url: 'https://bot.example.com/webhook',
    hasCustomCertificate: false,
    pendingUpdateCount: 0,
    ipAddress: null,
    lastErrorDate: null,
    lastErrorMessage: null,
    lastSynchronizationErrorDate: null,
    maxConnections: 40,
    allowedUpdates: null,
    ...overrides,
  };
}

export function makeLogEntry(overrides: Partial<WebhookLogEntry> = {}): WebhookLogEntry {
  return {
    time: '2024-01-01T12:00:00.000Z',
    updateId: 1,
    url: 'https://bot.example.com/webhook',
    status: 200,
    error: null,
    responseTimeMs: 120,
    raw: {},
    ...overrides,
  };
}

export function makeSentReply(id: number, overrides: Partial<SentReply> = {}): SentReply {
  return {
    id,
    profileId: 2,
    chatId: 42,
    text: `reply ${id}`,
    deliveryId: null,
    sentAt: new Date(Date.UTC(2024, 0, 1, 12, 0, id)).toISOString(),
    ok: true,
    result: '{"message_id":7}',
    ...overrides,
  };
}

export const SANDBOX_INFO: SandboxInfo = {
  url: 'http://127.0.0.1:8788/api/v1',
  botId: 7,
  username: 'sandbox_bot',
  token: '7:sandbox-token',
  profileId: 1,
};

export function makeChatMessage(id: number, overrides: Partial<SandboxChatMessage> = {}): SandboxChatMessage {
  return {
    id,
    chatId: 42,
    messageId: id,
    sender: 'user',
    userId: 42,
    userName: 'Ada',
    text: `message ${id}`,
    kind: 'text',
    editedAt: null,
    replyMarkup: null,
    delivery: null,
    date: 1_704_110_400 + id,
    ...overrides,
  };
}
