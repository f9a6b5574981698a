import { ContractError, type Input, type Output } from '@contract';
import { dispatchPart } from '@contract/dispatch';
import { type LinkService, openLinkService } from '../core';

export interface LinkCliOptions {
  dataDir: string;
  /** The local receiver's address, the default base of a link. */
  receiverUrl: string;
  /** More bases `verify` accepts as this inspector's own (`--base-url`). */
  otherBases?: string[];
}

/**
 * `sign` and `verify` work on the data dir directly, with or without a
 * running inspector: same keys, same signer, same verifier as the app, and
 * the same checked entry (the contract's dispatch) as every other caller.
 */
export function openLinkTools({ dataDir, receiverUrl, otherBases = [] }: LinkCliOptions) {
  const { service, close } = openLinkService({ dataDir, receiverUrl, otherBases });

  const call = async <M extends keyof LinkService>(method: M, input: Input<M>): Promise<Output<M>> => {
    const answer = await dispatchPart(service, method, input);
    if (!answer.ok) throw ContractError.fromBody(answer.error);
    return answer.value as Output<M>;
  };

  const profileId = async (bot: string | undefined): Promise<number> => {
    const all = (await call('profiles.list', {})).items;
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
      return call('links.sign', {
        profileId: await profileId(input.bot),
        command: input.command,
        userId: input.user,
        params: input.params,
        ...(input.options === undefined ? {} : { options: input.options }),
        ...(input.redirect === undefined ? {} : { redirect: input.redirect }),
        ...(input.expiresIn === undefined ? {} : { expiresIn: input.expiresIn }),
        ...(input.baseUrl === undefined ? {} : { baseUrl: input.baseUrl }),
      });
    },
    verify: (url: string) => call('links.verify', { url }),
    close,
  };
}
