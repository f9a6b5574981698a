export type Dialect = 'solafon' | 'telegram';

export interface SandboxBot {
  token: string;
  botId: number;
  username: string;
  firstName: string;
  appId: string;
  jwt: string;
  webhookUrl: string;
  webhookDialect: Dialect | null;
  secretToken: string | null;
  maxConnections: number | null;
  allowedUpdates: string[] | null;
  lastErrorDate: number | null;
  lastErrorMessage: string | null;
}

/** A simulated user's message, kept neutral: the dialect shapes it at delivery. */
export interface UserMessage {
  messageId: number;
  date: number;
  text: string;
  user: { id: number; name: string; language: string; username: string | null };
  chat: { id: number; type: 'private' | 'group' };
}

export interface PendingUpdate {
  updateId: number;
  chatId: number;
  message: UserMessage;
  attempts: number;
  nextAttemptAt: number;
}

export interface ChatMessage {
  id: number;
  chatId: number;
  messageId: number;
  sender: 'user' | 'bot';
  userId: number | null;
  userName: string | null;
  text: string;
  date: number;
}

export interface WebhookAttempt {
  id: number;
  updateId: number;
  url: string;
  status: number | null;
  error: string | null;
  responseTimeMs: number;
  time: number;
}
