import type { Command } from '@contract';
import { notifyChange } from '../store/pg/changes';
import type { Sql } from '../store/pg/connect';
import { pgText } from '../store/pg/text-value';
import type { CommandStore } from './store';

interface CommandRow {
  name: string;
  body: string;
  updated_at: Date;
}

const toCommand = (r: CommandRow): Command => ({
  name: r.name,
  body: r.body,
  updatedAt: r.updated_at.toISOString(),
});

/** Commands in PostgreSQL, shared by every replica; writes say so on the change channel. */
export class PgCommandStore implements CommandStore {
  constructor(
    private readonly sql: Sql,
    private readonly origin: string,
  ) {}

  // Byte order (COLLATE "C"), as SQLite sorts, whatever the database's locale.
  async list(): Promise<Command[]> {
    const rows = await this.sql<CommandRow[]>`SELECT * FROM commands ORDER BY name COLLATE "C"`;
    return rows.map(toCommand);
  }

  async get(name: string): Promise<Command | null> {
    const [row] = await this.sql<CommandRow[]>`SELECT * FROM commands WHERE name = ${name}`;
    return row ? toCommand(row) : null;
  }

  async save(name: string, body: string): Promise<Command> {
    return this.sql.begin(async (tx) => {
      const [row] = await tx<CommandRow[]>`
        INSERT INTO commands (name, body, updated_at) VALUES (${name}, ${pgText(body)}, now())
        ON CONFLICT (name) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at
        RETURNING *`;
      await notifyChange(tx, this.origin, 'commands');
      return toCommand(row as CommandRow);
    });
  }

  async delete(name: string): Promise<boolean> {
    return this.sql.begin(async (tx) => {
      const rows = await tx`DELETE FROM commands WHERE name = ${name} RETURNING name`;
      if (rows.length > 0) await notifyChange(tx, this.origin, 'commands');
      return rows.length > 0;
    });
  }
}
