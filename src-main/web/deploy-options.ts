import { publicOrigin } from '../core';
import { UsageError } from './usage-error';

type Values = Record<string, string | boolean | string[] | undefined>;

export interface DeployOptions {
  uiHost?: string;
  publicUrl?: string;
  trustProxy?: boolean;
}

/**
 * `--ui-host`, `--public-url` and `--trust-proxy`: how a team server is
 * exposed behind its TLS proxy. The local app keeps its UI on loopback and
 * trusts no header, so each needs `team` (`--database` or DATABASE_URL).
 */
export function deployOptions(values: Values, team: boolean): DeployOptions {
  const uiHost = typeof values['ui-host'] === 'string' ? values['ui-host'] : undefined;
  const publicUrl = typeof values['public-url'] === 'string' ? values['public-url'] : undefined;
  const trustProxy = values['trust-proxy'] === true;
  if (!team) {
    const given = [
      uiHost === undefined ? null : '--ui-host',
      publicUrl === undefined ? null : '--public-url',
      trustProxy ? '--trust-proxy' : null,
    ].filter((name) => name !== null);
    if (given.length > 0)
      throw new UsageError(
        `${given.join(', ')} ${given.length === 1 ? 'needs' : 'need'} --database (a team server); the local app's UI stays on 127.0.0.1.`,
      );
    return {};
  }
  if (uiHost === '') throw new UsageError('--ui-host needs an address, e.g. 0.0.0.0.');
  let origin: string | undefined;
  if (publicUrl !== undefined) {
    try {
      origin = publicOrigin(publicUrl);
    } catch (error) {
      throw new UsageError(`--public-url: ${(error as Error).message}`);
    }
  }
  return {
    ...(uiHost === undefined ? {} : { uiHost }),
    ...(origin === undefined ? {} : { publicUrl: origin }),
    ...(trustProxy ? { trustProxy } : {}),
  };
}
