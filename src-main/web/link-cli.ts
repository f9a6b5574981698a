import { ContractError } from '@contract';
import { SqliteLinkDefaultsStore } from '../core/links/link-defaults';
import { linksMethods } from '../core/links/methods';
import { verifyUrl } from '../core/links/verify-url';
import { SqliteProfileStore } from '../core/profiles/sqlite-store';
import { keyFileBox } from '../core/secrets/key-file-box';
import { SqliteKeyStore } from '../core/signer/sqlite-key-store';
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
  const profiles = new SqliteProfileStore(db, box);
  const keys = new SqliteKeyStore(db, box);
  const methods = linksMethods({
    profiles,
    keys,
    receiverUrl,
    defaults: new SqliteLinkDefaultsStore(db),
  });

  const profileId = async (bot: string | undefined): Promise<number> => {
    const all = await profiles.list();
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
    async sign(input: {
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
      return (await methods['links.sign']({
        profileId: await profileId(input.bot),
        command: input.command,
        userId: input.user,
        params: input.params,
        ...(input.options === undefined ? {} : { options: input.options }),
        ...(input.redirect === undefined ? {} : { redirect: input.redirect }),
        ...(input.expiresIn === undefined ? {} : { expiresIn: input.expiresIn }),
        ...(input.baseUrl === undefined ? {} : { baseUrl: input.baseUrl }),
      })) as { url: string };
    },
    verify(url: string, extraBases: string[] = []) {
      return verifyUrl(url.trim(), profiles, keys, receiverUrl, extraBases);
    },
    close: () => db.close(),
  };
}
