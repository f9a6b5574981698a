import type { Database } from 'better-sqlite3';
import type { SecretBox } from '../secrets/secret-box';
import { tokenDigest } from './bot-secrets';

interface PlaintextRow {
  bot_id: number;
  token: string;
  jwt: string;
  secret_token: string | null;
}

/**
 * Seals the secrets migration 0009 took out of the old plaintext columns (SQL
 * cannot seal). Zeroes what it deletes, then folds the WAL into the database
 * and empties it, so no copy of the plaintext stays in either file.
 * Returns how many bots were sealed.
 */
export function sealPlaintextBots(db: Database, box: SecretBox): number {
  const rows = db.prepare('SELECT * FROM sandbox_bot_plaintext').all() as PlaintextRow[];
  if (rows.length === 0) return 0;
  const seal = db.prepare(
    'UPDATE sandbox_bots SET token_sha256 = ?, token = ?, jwt = ?, secret_token = ? WHERE bot_id = ?',
  );
  const secureDelete = db.pragma('secure_delete', { simple: true }) as number;
  db.pragma('secure_delete = ON');
  try {
    db.transaction(() => {
      for (const row of rows) {
        seal.run(
          tokenDigest(row.token),
          box.encrypt(row.token),
          box.encrypt(row.jwt),
          row.secret_token === null ? null : box.encrypt(row.secret_token),
          row.bot_id,
        );
      }
      db.prepare('DELETE FROM sandbox_bot_plaintext').run();
    })();
  } finally {
    db.pragma(`secure_delete = ${secureDelete}`);
  }
  db.pragma('wal_checkpoint(TRUNCATE)');
  return rows.length;
}
