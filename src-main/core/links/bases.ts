import type { BotProfile } from '@contract';

/** Where a bot's links point by default: its public https origin (a tunnel), else the local receiver. */
export function defaultLinkBase(profile: Pick<BotProfile, 'publicUrl'>, receiverUrl: string): string {
  try {
    const url = new URL(profile.publicUrl);
    if (url.protocol === 'https:') return url.origin;
  } catch {
    // No public URL: the link is for this machine.
  }
  return receiverUrl;
}

/** Every base a link of this inspector may start with. */
export function knownLinkBases(
  profiles: ReadonlyArray<Pick<BotProfile, 'publicUrl'>>,
  receiverUrl: string,
): string[] {
  return [...new Set([receiverUrl, ...profiles.map((p) => defaultLinkBase(p, receiverUrl))])];
}
