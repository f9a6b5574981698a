import type { SandboxChatMessage, SandboxInfo } from '@contract';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { DataClient } from '../../api';
import { errorMessage } from '../../api/errorMessage';
import { coalesce } from '../../shared/coalesce';

export const DEFAULT_USER_ID = 42;
export const DEFAULT_USER_NAME = 'Ada';

/** A user id as typed: a positive whole number, or null. */
export function parseUserId(raw: string): number | null {
  const text = raw.trim();
  if (!/^\d+$/.test(text)) return null;
  const value = Number(text);
  return Number.isSafeInteger(value) && value > 0 ? value : null;
}

export interface SandboxState {
  info: SandboxInfo | null;
  infoError: string | null;
  chats: number[];
  /** As typed; see `parseUserId`. */
  userId: string;
  userName: string;
  /** The open chat; a user's private chat has the user's id. */
  chatId: number;
  /** The open chat's messages, oldest first. */
  messages: SandboxChatMessage[];
  messagesLoaded: boolean;
  loadError: string | null;
  text: string;
  sending: boolean;
  sendError: string | null;
  /** Subscribes to `sandbox.changed` and reads everything; the panel calls it on mount. */
  start(): void;
  stop(): void;
  setUserId(userId: string): void;
  setUserName(name: string): void;
  openChat(chatId: number): void;
  setText(text: string): void;
  /** Writes `text` to the sandbox bot as the chosen user. */
  send(): Promise<boolean>;
}

export type SandboxStore = StoreApi<SandboxState>;

export function createSandboxStore(client: DataClient): SandboxStore {
  let unsubscribe: Array<() => void> = [];
  // Whether the open chat is the chosen user's own private chat, which then follows a change of user.
  let followsUser = true;

  return createStore<SandboxState>()((set, get) => {
    const loadInfo = async () => {
      try {
        set({ info: await client.call('sandbox.info', {}), infoError: null });
      } catch (error) {
        set({ infoError: errorMessage(error) });
      }
    };

    const loadChats = coalesce(async () => {
      try {
        const { items } = await client.call('sandbox.chats', {});
        set({ chats: items });
      } catch (error) {
        set({ loadError: errorMessage(error) });
      }
    });

    // Coalesced: a burst of events (the user's message, then the bot's answer) costs at most one extra read.
    const loadMessages = coalesce(async () => {
      const { chatId } = get();
      try {
        const { items } = await client.call('sandbox.messages', { chatId });
        if (get().chatId === chatId) set({ messages: items, messagesLoaded: true, loadError: null });
      } catch (error) {
        if (get().chatId === chatId) set({ loadError: errorMessage(error) });
      }
    });

    const switchChat = (chatId: number) => {
      if (chatId === get().chatId) return;
      set({ chatId, messages: [], messagesLoaded: false, loadError: null });
      void loadMessages();
    };

    const loadAll = () => {
      if (get().info === null) void loadInfo();
      void loadChats();
      void loadMessages();
    };

    return {
      info: null,
      infoError: null,
      chats: [],
      userId: String(DEFAULT_USER_ID),
      userName: DEFAULT_USER_NAME,
      chatId: DEFAULT_USER_ID,
      messages: [],
      messagesLoaded: false,
      loadError: null,
      text: '',
      sending: false,
      sendError: null,

      start() {
        if (unsubscribe.length > 0) return;
        unsubscribe = [
          client.on('sandbox.changed', ({ botId, chatId }) => {
            const { info } = get();
            // Other sandbox bots (created by tests or scripts) are not shown here.
            if (info !== null && botId !== info.botId) return;
            void loadChats();
            if (chatId === null || chatId === get().chatId) void loadMessages();
          }),
          // Whatever changed while the stream was down was pushed to no one.
          client.onReconnect(loadAll),
        ];
        loadAll();
      },

      stop() {
        for (const stop of unsubscribe) stop();
        unsubscribe = [];
      },

      setUserId(userId) {
        set({ userId, sendError: null });
        const id = parseUserId(userId);
        // Follow the user into their own private chat, unless another chat was chosen on purpose.
        // Half-typed ids (an emptied field) change nothing, so typing "7" over "42" still follows.
        if (id !== null && followsUser) switchChat(id);
      },

      setUserName: (userName) => set({ userName }),

      openChat(chatId) {
        followsUser = chatId === parseUserId(get().userId);
        switchChat(chatId);
      },

      setText: (text) => set({ text }),

      async send() {
        const { userId: rawUserId, userName, chatId, text, sending } = get();
        if (sending) return false;
        const userId = parseUserId(rawUserId);
        if (userId === null) {
          set({ sendError: 'The user id is a positive whole number.' });
          return false;
        }
        if (text.trim() === '') return false;
        const name = userName.trim();
        set({ sending: true, sendError: null });
        try {
          await client.call('sandbox.say', { userId, ...(name === '' ? {} : { name }), chatId, text });
          set({ sending: false, text: '' });
          // The event says the same; reading now shows the message even if the event is late.
          void loadChats();
          void loadMessages();
          return true;
        } catch (error) {
          set({ sending: false, sendError: errorMessage(error) });
          return false;
        }
      },
    };
  });
}
