import { sql as initial } from './0001-initial';
import { sql as sandbox } from './0002-sandbox';
import { sql as profiles } from './0003-profiles';
import { sql as signedLinks } from './0004-signed-links';
import { sql as search } from './0005-search';
import { sql as replay } from './0006-replay';
import { sql as inboxSettings } from './0007-inbox-settings';
import { sql as webhookSecret } from './0008-webhook-secret';
import { sql as sandboxSealedSecrets } from './0009-sandbox-sealed-secrets';
import { sql as invocationTruncated } from './0010-invocation-truncated';
import { sql as settings } from './0011-settings';
import { sql as workspaces } from './0012-workspaces';
import { sql as searchFacets } from './0013-search-facets';
import { sql as replayTargets } from './0014-replay-targets';
import { sql as secretCheckSandboxChat } from './0015-secret-check-sandbox-chat';
import { sql as timeOrder } from './0016-time-order';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** In order. Append only: a released entry is never edited or removed. */
export const migrations: readonly Migration[] = [
  { version: 1, name: 'initial', sql: initial },
  { version: 2, name: 'sandbox', sql: sandbox },
  { version: 3, name: 'profiles', sql: profiles },
  { version: 4, name: 'signed-links', sql: signedLinks },
  { version: 5, name: 'search', sql: search },
  { version: 6, name: 'replay', sql: replay },
  { version: 7, name: 'inbox-settings', sql: inboxSettings },
  { version: 8, name: 'webhook-secret', sql: webhookSecret },
  { version: 9, name: 'sandbox-sealed-secrets', sql: sandboxSealedSecrets },
  { version: 10, name: 'invocation-truncated', sql: invocationTruncated },
  { version: 11, name: 'settings', sql: settings },
  { version: 12, name: 'workspaces', sql: workspaces },
  { version: 13, name: 'search-facets', sql: searchFacets },
  { version: 14, name: 'replay-targets', sql: replayTargets },
  { version: 15, name: 'secret-check-sandbox-chat', sql: secretCheckSandboxChat },
  { version: 16, name: 'time-order', sql: timeOrder },
];
