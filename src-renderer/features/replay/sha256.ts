import { useEffect, useState } from 'react';

/** SHA-256 of base64-encoded bytes, as lowercase hex: how core names the bytes a replay sent. */
export async function sha256OfBase64(base64: string): Promise<string> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

export type HashState = { status: 'pending' } | { status: 'ready'; hex: string } | { status: 'unavailable' };

/** The hash of a delivery's original body, computed once per body (Web Crypto is async). */
export function useSha256OfBase64(base64: string | null): HashState {
  const [state, setState] = useState<{ of: string | null; hash: HashState }>({
    of: null,
    hash: { status: 'pending' },
  });

  useEffect(() => {
    if (base64 === null) return;
    let current = true;
    // crypto.subtle exists only in secure contexts; 127.0.0.1 and the desktop app are.
    if (globalThis.crypto?.subtle === undefined) {
      setState({ of: base64, hash: { status: 'unavailable' } });
      return;
    }
    sha256OfBase64(base64).then(
      (hex) => current && setState({ of: base64, hash: { status: 'ready', hex } }),
      () => current && setState({ of: base64, hash: { status: 'unavailable' } }),
    );
    return () => {
      current = false;
    };
  }, [base64]);

  if (base64 === null) return { status: 'unavailable' };
  // A hash of the previous body must not be compared against this one's attempts.
  return state.of === base64 ? state.hash : { status: 'pending' };
}
