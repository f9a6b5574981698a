import type { Command } from '@contract';
import type { Database, Statement } from 'better-sqlite3';
import type { CommandStore } from './store';

interface CommandRow {
  name: string;
  body: string;
  updated_at: number;
}

const toCommand = (r: CommandRow): Command => ({
  name: r.name,
  body: r.body,
  updatedAt: new Date(r.updated_at).toISOString(),
});

/** Commands in SQLite. */
export class SqliteCommandStore implements CommandStore {
  private readonly all: Statement<[], CommandRow>;
  private readonly one: Statement<[string], CommandRow>;
  private readonly upsert: Statement<[string, string, number]>;
  private readonly remove: Statement<[string]>;

  constructor(db: Database) {
    this.all = db.prepare('SELECT * FROM commands ORDER BY name');
    this.one = db.prepare('SELECT * FROM commands WHERE name = ?');
    this.upsert = db.prepare(
      'INSERT INTO commands (name, body, updated_at) VALUES (?, ?, ?) ON CONFLICT (name) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at',
    );
    this.remove = db.prepare('DELETE FROM commands WHERE name = ?');
  }

  async list(): Promise<Command[]> {
    return this.all.all().map(toCommand);
  }

  async get(name: string): Promise<Command | null> {
    const row = this.one.get(name);
    return row ? toCommand(row) : null;
  }

  async save(name: string, body: string, now = Date.now()): Promise<Command> {
    this.upsert.run(name, body, now);
    return toCommand(this.one.get(name) as CommandRow);
  }

  async delete(name: string): Promise<boolean> {
    return this.remove.run(name).changes > 0;
  }
}
