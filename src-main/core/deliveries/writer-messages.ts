import type { Durability } from '@contract';
import type { WireDelivery } from './writer-wire';

/** What the writer thread is started with. */
export interface WriterSetup {
  file: string;
  durability: Durability;
  nativeBinding?: string | undefined;
}

export type ToWriter =
  | { type: 'insert'; id: number; rows: WireDelivery[] }
  /** Someone waits for search to see every committed row: index without waiting, and say how far. */
  | { type: 'index-now' }
  | { type: 'close' };

export type FromWriter =
  | { type: 'ready'; indexedUpTo: number }
  /** Per row, in order: its id, and for a duplicate its first copy's (else null). */
  | { type: 'inserted'; id: number; ids: number[]; firstCopies: Array<number | null> }
  | { type: 'failed'; id: number; message: string; code: string | null }
  | { type: 'indexed'; upTo: number }
  | { type: 'log'; message: string }
  | { type: 'closed' };
