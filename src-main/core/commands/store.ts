import type { Command } from '@contract';

/** Commands that signed links run, defined in the Commands panel; on SQLite or PostgreSQL. */
export interface CommandStore {
  list(): Promise<Command[]>;
  get(name: string): Promise<Command | null>;
  /** Creates or replaces. */
  save(name: string, body: string): Promise<Command>;
  delete(name: string): Promise<boolean>;
}
