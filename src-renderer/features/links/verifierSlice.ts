import type { LinkVerdict } from '@contract';
import { type CallError, localError, toCallError } from '../../api/callError';
import type { Slice } from './slice';

export interface VerifierSlice {
  verifyText: string;
  verifying: boolean;
  verdict: LinkVerdict | null;
  /** The call itself failed (not the link: a failed check is a verdict). */
  verifyError: CallError | null;
  setVerifyText(text: string): void;
  verify(): Promise<void>;
}

export const createVerifierSlice: Slice<VerifierSlice> = (set, get, client) => {
  let request = 0;
  return {
    verifyText: '',
    verifying: false,
    verdict: null,
    verifyError: null,

    // A verdict about other text would read as if it were about this one.
    setVerifyText: (verifyText) => set({ verifyText, verdict: null, verifyError: null }),

    async verify() {
      // Pasted links often carry a stray newline or spaces around them.
      const url = get().verifyText.trim();
      if (url === '') {
        set({ verdict: null, verifyError: localError('Paste a link to check.') });
        return;
      }
      const current = ++request;
      set({ verifying: true, verdict: null, verifyError: null });
      try {
        const verdict = await client.call('links.verify', { url });
        if (current === request) set({ verifying: false, verdict });
      } catch (error) {
        if (current === request) set({ verifying: false, verifyError: toCallError(error) });
      }
    },
  };
};
