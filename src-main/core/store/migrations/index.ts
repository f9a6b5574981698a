import { sql as initial } from './0001-initial';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** In order. Append only: a released entry is never edited or removed. */
export const migrations: readonly Migration[] = [{ version: 1, name: 'initial', sql: initial }];
