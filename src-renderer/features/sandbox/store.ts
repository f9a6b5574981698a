import type { SandboxChatMessage, SandboxInfo } from '@contract';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { DataClient } from '../../api';
import { errorMessage } from '../../api/errorMessage';
import { coalesce } from '../../shared/coalesce';
import { loadWriter, saveWriter, type Writer } from './writer';

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
  /** Names given to user ids (as typed, by id), remembered with the writer. */
  names: Record<string, string>;
  /** The open chat; a user's private chat has the user's id, a group a negative one. */
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
  const initial = loadWriter({
    userId: String(DEFAULT_USER_ID),
    userName: DEFAULT_USER_NAME,
    chatId: DEFAULT_USER_ID,
    names: {},
  });

  return createStore<SandboxState>()((set, get) => {
    const remember = () => {
      const { userId, userName, chatId, names }: Writer = get();
      saveWriter({ userId, userName, chatId, names });
    };

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
        if (get().chatId !== chatId) return;
        set({ messages: items, messagesLoaded: true, loadError: null });
        adoptChatName(chatId, items);
      } catch (error) {
        if (get().chatId === chatId) set({ loadError: errorMessage(error) });
      }
    });

    // A private chat opened for the first time writes under the name its user last wrote with.
    const adoptChatName = (chatId: number, items: SandboxChatMessage[]) => {
      const { userId, names } = get();
      if (chatId < 0 || parseUserId(userId) !== chatId || names[String(chatId)] !== undefined) return;
      const last = items.findLast((m) => m.sender === 'user' && m.userId === chatId && m.userName !== null);
      if (!last?.userName) return;
      set({ userName: last.userName, names: { ...names, [String(chatId)]: last.userName } });
      remember();
    };

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
      userId: initial.userId,
      userName: initial.userName,
      names: initial.names,
      chatId: initial.chatId,
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
        // A private chat is its user's: a new user moves into their own; a group keeps its chat.
        // Half-typed ids (an emptied field) change nothing, so typing "7" over "42" still follows.
        if (id !== null && get().chatId > 0) switchChat(id);
        remember();
      },

      setUserName(userName) {
        const id = parseUserId(get().userId);
        set({
          userName,
          ...(id === null ? {} : { names: { ...get().names, [String(id)]: userName } }),
        });
        remember();
      },

      openChat(chatId) {
        // Only the chat's own user writes in a private chat: what is sent then says chat.type "private".
        if (chatId > 0 && parseUserId(get().userId) !== chatId) {
          const name = get().names[String(chatId)];
          set({ userId: String(chatId), userName: name ?? `User ${chatId}`, sendError: null });
        }
        switchChat(chatId);
        remember();
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
