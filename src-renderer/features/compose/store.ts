import type { DeliveryListItem, SentReply } from '@contract';
import { MESSAGE_TEXT_MAX } from '@contract/bot-rules';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { DataClient } from '../../api';
import { type CallError, toCallError } from '../../api/callError';
import { errorMessage } from '../../api/errorMessage';
import { parseChatId, replyChatId } from './chatId';

const HISTORY_LIMIT = 200;

/**
 * Where the chat id came from. Only an id the app filled in by itself may be
 * replaced by a newer suggestion; what the user typed or chose to reply to stays.
 */
export type ChatIdSource = 'none' | 'suggested' | 'typed' | 'reply';

export type SendOutcome = { kind: 'reply'; reply: SentReply } | { kind: 'refused'; message: string };

export interface ComposeState {
  chatId: string;
  chatIdSource: ChatIdSource;
  text: string;
  /** The delivery being answered, sent along so the history links to it. */
  deliveryId: number | null;
  sending: boolean;
  /** The last send: the platform's answer or its error, or why it was not sent at all. */
  last: SendOutcome | null;
  historyProfileId: number | null;
  history: SentReply[];
  historyLoaded: boolean;
  historyError: CallError | null;

  setChatId(chatId: string): void;
  setText(text: string): void;
  /** Stop linking the next message to a delivery. */
  detach(): void;
  /** "Reply" on a delivery: its chat, and the link to it. */
  replyTo(delivery: DeliveryListItem): void;
  /** Offers the selected delivery's chat when the user has not chosen one. */
  suggest(delivery: DeliveryListItem | null): void;
  send(profileId: number): Promise<boolean>;
  loadHistory(profileId: number): Promise<void>;
}

export type ComposeStore = StoreApi<ComposeState>;

const newestFirst = (items: readonly SentReply[]) => [...items].sort((a, b) => b.id - a.id);

export function createComposeStore(client: DataClient): ComposeStore {
  let historyRequest = 0;

  return createStore<ComposeState>()((set, get) => ({
    chatId: '',
    chatIdSource: 'none',
    text: '',
    deliveryId: null,
    sending: false,
    last: null,
    historyProfileId: null,
    history: [],
    historyLoaded: false,
    historyError: null,

    setChatId: (chatId) => set({ chatId, chatIdSource: chatId.trim() === '' ? 'none' : 'typed' }),
    setText: (text) => set({ text }),
    detach: () => set({ deliveryId: null }),

    replyTo(delivery) {
      const chatId = replyChatId(delivery.summary);
      set({
        chatId: chatId === null ? '' : String(chatId),
        chatIdSource: chatId === null ? 'none' : 'reply',
        deliveryId: delivery.id,
        last: null,
      });
    },

    suggest(delivery) {
      const { chatIdSource } = get();
      if (delivery === null || (chatIdSource !== 'none' && chatIdSource !== 'suggested')) return;
      const chatId = replyChatId(delivery.summary);
      if (chatId !== null) set({ chatId: String(chatId), chatIdSource: 'suggested' });
    },

    async send(profileId) {
      const { chatId: rawChatId, text, deliveryId, sending } = get();
      if (sending) return false;
      const chatId = parseChatId(rawChatId);
      const problem =
        chatId === null
          ? 'Enter the chat id to send to.'
          : text.trim() === ''
            ? 'The message is empty.'
            : text.length > MESSAGE_TEXT_MAX
              ? `A message is at most ${MESSAGE_TEXT_MAX} characters; this one has ${text.length}.`
              : null;
      if (problem !== null || chatId === null) {
        set({ last: { kind: 'refused', message: problem ?? '' } });
        return false;
      }
      set({ sending: true });
      try {
        const reply = await client.call('messages.send', {
          profileId,
          chatId,
          text,
          ...(deliveryId === null ? {} : { deliveryId }),
        });
        set((state) => ({
          sending: false,
          last: { kind: 'reply', reply },
          // A failed send is kept with its error, so the text stays to fix and retry.
          ...(reply.ok ? { text: '' } : {}),
          history:
            state.historyProfileId === reply.profileId
              ? newestFirst([reply, ...state.history.filter((item) => item.id !== reply.id)])
              : state.history,
        }));
        return reply.ok;
      } catch (error) {
        set({ sending: false, last: { kind: 'refused', message: errorMessage(error) } });
        return false;
      }
    },

    async loadHistory(profileId) {
      const current = ++historyRequest;
      if (get().historyProfileId !== profileId) {
        set({ historyProfileId: profileId, history: [], historyLoaded: false, historyError: null });
      }
      try {
        const { items } = await client.call('messages.history', { profileId, limit: HISTORY_LIMIT });
        if (current === historyRequest)
          set({ history: newestFirst(items), historyLoaded: true, historyError: null });
      } catch (error) {
        if (current === historyRequest) set({ historyError: toCallError(error) });
      }
    },
  }));
}
