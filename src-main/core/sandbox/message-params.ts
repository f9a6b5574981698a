import { SandboxError } from './platform-error';
import type { InlineKeyboard } from './records';

/** A chat or message id as bots send it: a number, or a string of digits. */
export function chatIdOf(raw: unknown, notFound = 'Bad Request: chat not found'): number {
  const id =
    typeof raw === 'number' ? raw : typeof raw === 'string' && /^-?\d+$/.test(raw) ? Number(raw) : null;
  if (id === null || !Number.isSafeInteger(id)) throw new SandboxError(400, notFound);
  return id;
}

export function messageText(raw: unknown): string {
  if (typeof raw !== 'string' || raw.trim() === '')
    throw new SandboxError(400, 'Bad Request: message text is empty');
  if (raw.length > 4096) throw new SandboxError(400, 'Bad Request: message is too long');
  return raw;
}

const MAX_BUTTONS = 100;

/**
 * `reply_markup` with an inline keyboard, as Telegram checks it: rows of
 * buttons, each with a text and exactly one of callback_data (1–64 bytes)
 * or url. Undefined when absent; other keyboards (reply keyboards) are
 * accepted and not shown, as they live outside the chat's messages.
 */
export function replyMarkupOf(raw: unknown): { inline_keyboard: InlineKeyboard } | null | undefined {
  let value = raw;
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      throw new SandboxError(400, "Bad Request: can't parse reply keyboard markup JSON object");
    }
  }
  if (typeof value !== 'object' || value === null)
    throw new SandboxError(400, 'Bad Request: object expected as reply markup');
  const keyboard = (value as { inline_keyboard?: unknown }).inline_keyboard;
  if (keyboard === undefined) return null;
  if (!Array.isArray(keyboard) || !keyboard.every(Array.isArray))
    throw new SandboxError(
      400,
      'Bad Request: field "inline_keyboard" of the InlineKeyboardMarkup should be an Array of Arrays',
    );
  let count = 0;
  const rows: InlineKeyboard = keyboard.map((row: unknown[]) =>
    row.map((button) => {
      count++;
      const b = button as { text?: unknown; callback_data?: unknown; url?: unknown };
      if (typeof b !== 'object' || b === null || typeof b.text !== 'string' || b.text === '')
        throw new SandboxError(400, 'Bad Request: text buttons are unallowed in the inline keyboard');
      if (typeof b.callback_data === 'string') {
        if (Buffer.byteLength(b.callback_data) < 1 || Buffer.byteLength(b.callback_data) > 64)
          throw new SandboxError(400, 'Bad Request: BUTTON_DATA_INVALID');
        return { text: b.text, callback_data: b.callback_data };
      }
      if (typeof b.url === 'string') return { text: b.text, url: b.url };
      throw new SandboxError(400, 'Bad Request: inline keyboard button must have callback_data or url');
    }),
  );
  if (count > MAX_BUTTONS) throw new SandboxError(400, 'Bad Request: reply markup is too long');
  return { inline_keyboard: rows };
}
