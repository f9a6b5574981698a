import type { Command } from '@contract';
import type { Database, Statement } from 'better-sqlite3';

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

/** Commands that signed links run, defined in the Commands panel. */
export class CommandRepository {
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

  list(): Command[] {
    return this.all.all().map(toCommand);
  }

  get(name: string): Command | null {
    const row = this.one.get(name);
    return row ? toCommand(row) : null;
  }

  save(name: string, body: string, now = Date.now()): Command {
    this.upsert.run(name, body, now);
    return this.get(name) as Command;
  }

  delete(name: string): boolean {
    return this.remove.run(name).changes > 0;
  }
}
