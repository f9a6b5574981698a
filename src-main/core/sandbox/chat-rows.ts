import type { ChatDelivery, ChatMessage, ChatRowKind } from './records';

/** How the sandbox's chat rows read from SQLite, with the state of the update that last carried each. */
export interface MessageRow {
  id: number;
  chat_id: number;
  message_id: number;
  sender: string;
  user_id: number | null;
  user_name: string | null;
  text: string;
  date: number;
  kind: string;
  reply_markup: string | null;
  edited_at: number | null;
  update_id: number | null;
}
export interface ChatRow extends MessageRow {
  u_delivered_at: number | null;
  u_given_up_at: number | null;
  u_attempts: number | null;
  l_status: number | null;
  l_error: string | null;
}

function deliveryOf(r: ChatRow): ChatDelivery | null {
  if (r.sender !== 'user' || r.update_id === null || r.u_attempts === null) return null;
  const delivered = r.u_delivered_at !== null;
  const lastOk = r.l_status !== null && r.l_status >= 200 && r.l_status < 300;
  // A delivered update's attempts include the one that succeeded.
  const failures =
    delivered && (lastOk || r.l_status === null) && r.u_given_up_at === null
      ? Math.max(0, r.u_attempts - 1)
      : r.u_attempts;
  const lastError = lastOk ? null : r.l_error === '' ? null : r.l_error;
  if (r.u_given_up_at !== null) return { state: 'failed', failures, lastError };
  if (delivered) return { state: 'delivered', failures, lastError: null };
  return { state: r.u_attempts > 0 ? 'retrying' : 'pending', failures, lastError };
}

export const toChatMessage = (r: ChatRow): ChatMessage => ({
  id: r.id,
  chatId: r.chat_id,
  messageId: r.message_id,
  sender: r.sender as 'user' | 'bot',
  userId: r.user_id,
  userName: r.user_name,
  text: r.text,
  date: r.date,
  kind: r.kind as ChatRowKind,
  editedAt: r.edited_at,
  replyMarkup: r.reply_markup === null ? null : (JSON.parse(r.reply_markup) as ChatMessage['replyMarkup']),
  delivery: deliveryOf(r),
});
