import type { Service } from '@contract';
import { profilesMethods } from '../profiles/methods';
import { SqliteProfileStore } from '../profiles/sqlite-store';
import { keyFileBox } from '../secrets/key-file-box';
import { SqliteKeyStore } from '../signer/sqlite-key-store';
import { openDatabase } from '../store/open-database';
import { SqliteLinkDefaultsStore } from './link-defaults';
import { linksMethods } from './methods';

export interface LinkServiceOptions {
  dataDir: string;
  /** The local receiver's address, the default base of a link. */
  receiverUrl: string;
  /** More bases the verifier accepts as this inspector's own. */
  otherBases?: string[];
}

/** What the `sign` and `verify` commands call: the profiles to pick a bot from, signing and verifying. */
export type LinkService = Pick<Service, 'profiles.list' | 'links.sign' | 'links.verify'>;

/**
 * Signing and verifying on a data dir directly, with or without a running
 * inspector: the same keys, signer and verifier as the app, without its
 * receiver, sandbox or workers. Callers go through the contract's dispatch.
 */
export function openLinkService({ dataDir, receiverUrl, otherBases = [] }: LinkServiceOptions): {
  service: LinkService;
  close(): void;
} {
  const db = openDatabase({ dataDir, durability: 'normal' });
  const box = keyFileBox(dataDir);
  const profiles = new SqliteProfileStore(db, box);
  const links = linksMethods({
    profiles,
    keys: new SqliteKeyStore(db, box),
    receiverUrl,
    otherBases,
    defaults: new SqliteLinkDefaultsStore(db),
  });
  return {
    service: {
      'profiles.list': profilesMethods(profiles)['profiles.list'],
      'links.sign': links['links.sign'],
      'links.verify': links['links.verify'],
    },
    close: () => db.close(),
  };
}
