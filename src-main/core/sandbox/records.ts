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

export interface SimulatedUser {
  id: number;
  name: string;
  language: string;
  username: string | null;
}

/** A simulated user's message, kept neutral: the dialect shapes it at delivery. */
export interface UserMessage {
  messageId: number;
  date: number;
  /** Empty for a photo without caption or a new member. */
  text: string;
  user: SimulatedUser;
  chat: { id: number; type: 'private' | 'group' };
  /** Unix seconds of the user's edit: the update is an `edited_message`. */
  editDate?: number;
  /** A photo placeholder (the sandbox keeps no files): `text` is its caption. */
  photo?: boolean;
  /** Users who joined the group (Telegram's service message). */
  newChatMembers?: SimulatedUser[];
}

/** One row of an inline keyboard's buttons, as the bot sent them. */
export type InlineKeyboard = Array<Array<{ text: string; callback_data?: string; url?: string }>>;

/** A button press on a bot message: Telegram's `callback_query`. */
export interface CallbackPress {
  id: string;
  user: SimulatedUser;
  chat: { id: number; type: 'private' | 'group' };
  /** The bot's message that carried the button. */
  message: {
    messageId: number;
    date: number;
    text: string;
    replyMarkup: { inline_keyboard: InlineKeyboard } | null;
  };
  data: string;
}

/** What an update carries, neutral; a stored row without `type` is a plain message (older rows). */
export type SandboxEvent =
  | { type: 'message'; message: UserMessage }
  | { type: 'edited_message'; message: UserMessage }
  | { type: 'callback_query'; callback: CallbackPress };

export interface PendingUpdate {
  updateId: number;
  chatId: number;
  event: SandboxEvent;
  attempts: number;
  nextAttemptAt: number;
}

export type ChatRowKind = 'text' | 'photo' | 'new_member' | 'callback' | 'callback_answer';

export interface ChatDelivery {
  state: 'pending' | 'delivered' | 'retrying' | 'failed';
  /** Failed attempts so far. */
  failures: number;
  lastError: string | null;
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
  kind: ChatRowKind;
  editedAt: number | null;
  replyMarkup: { inline_keyboard: InlineKeyboard } | null;
  /** Of the latest update about a user's row; null for the bot's rows. */
  delivery: ChatDelivery | null;
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
