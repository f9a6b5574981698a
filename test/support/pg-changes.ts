import { CHANGES_CHANNEL, type Change, parseChange } from '../../src-main/core/store/pg/changes';
import type { EngineDatabase } from './engines';

/**
 * LISTENs on the change channel from a connection of its own, as another
 * replica does, and collects what arrives, in commit order. Resolves once
 * the LISTEN is in place, so nothing committed after it is missed.
 */
export async function listenForChanges(db: EngineDatabase): Promise<Array<Change | null>> {
  const connection = db.connect();
  if (connection.engine !== 'postgres') throw new Error('Change notices are sent on PostgreSQL only.');
  // A payload that is not a change shows up as null and fails the test's comparison.
  const changes: Array<Change | null> = [];
  await connection.sql.listen(CHANGES_CHANNEL, (payload) => {
    changes.push(parseChange(payload));
  });
  return changes;
}
