import { createHash, randomBytes } from 'node:crypto';

/**
 * How a bot API call (`/bot<token>/…`, `Bearer <token>`) finds its bot: the
 * token itself is only kept sealed, and a sealed value cannot be looked up.
 */
export const tokenDigest = (token: string): string => createHash('sha256').update(token).digest('hex');

/** A Telegram-shaped token (`<id>:<secret>`) and a Solafon user JWT stand-in, both random. */
export function newBotSecrets(botId: number): { token: string; jwt: string } {
  return {
    token: `${botId}:${randomBytes(24).toString('base64url')}`,
    jwt: `sandbox-jwt.${randomBytes(24).toString('base64url')}`,
  };
}
