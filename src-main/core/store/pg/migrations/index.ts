import type { Migration } from '../../migrations';
import { sql as deliveries } from './0001-deliveries';
import { sql as profiles } from './0002-profiles';
import { sql as signedLinks } from './0003-signed-links';
import { sql as forwarding } from './0004-forwarding';
import { sql as settings } from './0005-settings';
import { sql as people } from './0006-people';
import { sql as replayTargets } from './0007-replay-targets';
import { sql as inboxSecretCheck } from './0008-inbox-secret-check';
import { sql as timeOrder } from './0009-time-order';
import { sql as searchPendingList } from './0010-search-pending-list';

/**
 * The team server's schema, in order. Append only once released: a
 * released entry is never edited or removed. Only shared state lives here;
 * the sandbox platform keeps its own local SQLite on each replica.
 */
export const pgMigrations: readonly Migration[] = [
  { version: 1, name: 'deliveries', sql: deliveries },
  { version: 2, name: 'profiles', sql: profiles },
  { version: 3, name: 'signed-links', sql: signedLinks },
  { version: 4, name: 'forwarding', sql: forwarding },
  { version: 5, name: 'settings', sql: settings },
  { version: 6, name: 'people', sql: people },
  { version: 7, name: 'replay-targets', sql: replayTargets },
  { version: 8, name: 'inbox-secret-check', sql: inboxSecretCheck },
  { version: 9, name: 'time-order', sql: timeOrder },
  { version: 10, name: 'search-pending-list', sql: searchPendingList },
];
