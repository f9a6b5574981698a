import { ContractError } from '@contract';
import { CommandRepository } from '../core/commands/repository';
import { EventHub } from '../core/events';
import { LinkDefaultsRepository } from '../core/links/link-defaults';
import { linkMethods, verifyUrl } from '../core/links/link-methods';
import { ProfileRepository } from '../core/profiles/repository';
import { keyFileBox } from '../core/secrets/key-file-box';
import { KeyRing } from '../core/signer/keys';
import { openDatabase } from '../core/store/open-database';

export interface LinkCliOptions {
  dataDir: string;
  /** The local receiver's address, the default base of a link. */
  receiverUrl: string;
}

/**
 * `sign` and `verify` work on the data dir directly, with or without a
 * running inspector: same keys, same signer, same verifier as the app.
 */
export function openLinkTools({ dataDir, receiverUrl }: LinkCliOptions) {
  const db = openDatabase({ dataDir, durability: 'normal' });
  const box = keyFileBox(dataDir);
  const profiles = new ProfileRepository(db, box);
  const keys = new KeyRing(db, box);
  const methods = linkMethods({
    profiles,
    keys,
    commands: new CommandRepository(db),
    events: new EventHub(),
    receiverUrl,
    defaults: new LinkDefaultsRepository(db),
  });

  const profileId = (bot: string | undefined): number => {
    const all = profiles.list();
    const found =
      bot === undefined
        ? all.find((p) => p.sandbox)
        : all.find((p) => String(p.id) === bot || p.name.toLowerCase() === bot.toLowerCase());
    if (!found) {
      throw new ContractError(
        'not-found',
        bot === undefined
          ? 'There is no sandbox bot profile yet: start the inspector once (npm start), or pass --bot <profile>.'
          : `There is no bot profile "${bot}". Profiles: ${all.map((p) => `${p.id} (${p.name})`).join(', ') || 'none'}.`,
      );
    }
    return found.id;
  };

  return {
    sign(input: {
      bot?: string | undefined;
      command: string;
      user: string;
      options?: string | undefined;
      params: Array<[string, string]>;
      redirect?: string | undefined;
      /** Omitted: the default for new links; null: never expires. */
      expiresIn?: number | null | undefined;
      baseUrl?: string | undefined;
    }) {
      return methods['links.sign']({
        profileId: profileId(input.bot),
        command: input.command,
        userId: input.user,
        params: input.params,
        ...(input.options === undefined ? {} : { options: input.options }),
        ...(input.redirect === undefined ? {} : { redirect: input.redirect }),
        ...(input.expiresIn === undefined ? {} : { expiresIn: input.expiresIn }),
        ...(input.baseUrl === undefined ? {} : { baseUrl: input.baseUrl }),
      }) as { url: string };
    },
    verify(url: string, extraBases: string[] = []) {
      return verifyUrl(url.trim(), profiles, keys, receiverUrl, extraBases);
    },
    close: () => db.close(),
  };
}
