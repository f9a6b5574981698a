import { toast } from '../components/toast/toastStore';

/**
 * Copies `text` and says so in a toast ("Copied path message.from.id"). Where the browser refuses
 * the clipboard, the toast holds the text, selected-ready, to copy by hand.
 */
export async function copyWithToast(text: string, what: string): Promise<void> {
  try {
    if (navigator.clipboard === undefined) throw new Error('no clipboard');
    await navigator.clipboard.writeText(text);
    toast(`Copied ${what}`, { durationMs: 2000, testId: 'copied-toast' });
  } catch {
    toast(`The browser refused clipboard access; copy ${what} by hand: ${text}`, {
      tone: 'error',
      durationMs: 15_000,
    });
  }
}
