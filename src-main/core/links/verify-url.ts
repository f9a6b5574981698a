import type { LinkVerdict } from '@contract';
import type { ProfileStore } from '../profiles/store';
import { LinkError } from '../signer/checks';
import type { KeyStore } from '../signer/key-store';
import { splitLinkUrl, verifyLinkQuery } from '../signer/verify';
import { knownLinkBases } from './bases';

/** Valid, or exactly which check a link fails. Used by the verifier panel and the CLI. */
export async function verifyUrl(
  url: string,
  profiles: ProfileStore,
  keys: KeyStore,
  receiverUrl: string,
  extraBases: string[] = [],
): Promise<LinkVerdict> {
  try {
    const all = await profiles.list();
    const { botId, rawQuery } = splitLinkUrl(url, [...knownLinkBases(all, receiverUrl), ...extraBases]);
    if (!all.some((p) => p.id === botId)) throw new LinkError('unknown-bot', String(botId));
    const verifying = await keys.verifying(botId);
    const link = verifyLinkQuery(botId, rawQuery, (kid) => verifying.get(kid) ?? null);
    return {
      valid: true,
      check: null,
      reason: null,
      fields: {
        botId,
        command: link.command,
        user: link.user,
        options: link.options,
        params: link.params,
        redirect: link.redirect,
        expiresAt: link.expiresAt === null ? null : new Date(link.expiresAt).toISOString(),
        kid: link.kid,
      },
    };
  } catch (error) {
    if (!(error instanceof LinkError)) throw error;
    return { valid: false, check: error.check, reason: error.message, fields: null };
  }
}
