import type { CannedUpdateKind, SandboxChatMessage, SandboxInfo } from '@contract';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { DataClient } from '../../api';
import { type CallError, localError, toCallError } from '../../api/callError';
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
  infoError: CallError | null;
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
  loadError: CallError | null;
  text: string;
  sending: boolean;
  sendError: CallError | null;
  /** The user's own message being edited: Send then edits it (an `edited_message`). */
  editing: SandboxChatMessage | null;
  /** The bot's latest answerCallbackQuery text, shown briefly. */
  toast: { id: number; text: string } | null;
  /** Subscribes to `sandbox.changed` and reads everything; the panel calls it on mount. */
  start(): void;
  stop(): void;
  setUserId(userId: string): void;
  setUserName(name: string): void;
  openChat(chatId: number): void;
  setText(text: string): void;
  /** Writes `text` to the sandbox bot as the chosen user (or edits the message being edited). */
  send(): Promise<boolean>;
  /** Presses a callback button under a bot message. */
  press(message: SandboxChatMessage, data: string): Promise<void>;
  startEdit(message: SandboxChatMessage): void;
  cancelEdit(): void;
  /** Sends one of the canned updates as the chosen user into the open chat. */
  sendCanned(kind: CannedUpdateKind): Promise<void>;
  dismissToast(): void;
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
        set({ infoError: toCallError(error) });
      }
    };

    const loadChats = coalesce(async () => {
      try {
        const { items } = await client.call('sandbox.chats', {});
        set({ chats: items });
      } catch (error) {
        set({ loadError: toCallError(error) });
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
        showNewAnswer(chatId, items);
      } catch (error) {
        if (get().chatId === chatId) set({ loadError: toCallError(error) });
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

    // Answers already there when a chat is first read are history; only newer ones pop up.
    const seenAnswer = new Map<number, number>();
    const showNewAnswer = (chatId: number, items: SandboxChatMessage[]) => {
      const answers = items.filter((m) => m.kind === 'callback_answer');
      const newest = answers.at(-1);
      const seen = seenAnswer.get(chatId);
      seenAnswer.set(chatId, Math.max(seen ?? 0, newest?.id ?? 0));
      if (seen !== undefined && newest !== undefined && newest.id > seen)
        set({ toast: { id: newest.id, text: newest.text } });
    };

    /** Who writes, as the contract takes it; null (and an error shown) when the id is not valid. */
    const writer = () => {
      const userId = parseUserId(get().userId);
      if (userId === null) {
        set({ sendError: localError('The user id is a positive whole number.') });
        return null;
      }
      const name = get().userName.trim();
      return { userId, ...(name === '' ? {} : { name }) };
    };

    /** A call that queues an update: errors are shown under the form; the chat is read again after. */
    const act = async (call: () => Promise<unknown>): Promise<boolean> => {
      set({ sending: true, sendError: null });
      try {
        await call();
        set({ sending: false });
        void loadChats();
        void loadMessages();
        return true;
      } catch (error) {
        set({ sending: false, sendError: toCallError(error) });
        return false;
      }
    };

    const switchChat = (chatId: number) => {
      if (chatId === get().chatId) return;
      set({ chatId, messages: [], messagesLoaded: false, loadError: null, editing: null });
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
      editing: null,
      toast: null,

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
        const { chatId, text, sending, editing } = get();
        if (sending) return false;
        const who = writer();
        if (who === null || text.trim() === '') return false;
        // The event says the same; reading after the call shows the message even if the event is late.
        const done = await act(() =>
          editing === null
            ? client.call('sandbox.say', { ...who, chatId, text })
            : client.call('sandbox.edit', { ...who, chatId, messageId: editing.messageId, text }),
        );
        if (done) set({ text: '', editing: null });
        return done;
      },

      async press(message, data) {
        const who = writer();
        if (who === null || get().sending) return;
        await act(() =>
          client.call('sandbox.press', {
            ...who,
            chatId: message.chatId,
            messageId: message.messageId,
            data,
          }),
        );
      },

      startEdit: (message) => set({ editing: message, text: message.text, sendError: null }),
      cancelEdit: () => set({ editing: null, text: '' }),

      async sendCanned(kind) {
        const who = writer();
        if (who === null || get().sending) return;
        await act(() => client.call('sandbox.send', { ...who, chatId: get().chatId, kind }));
      },

      dismissToast: () => set({ toast: null }),
    };
  });
}
