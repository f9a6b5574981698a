import type { DeliveryListItem, Durability } from '@contract';
import type { NewDelivery } from './records';

/** What the writer thread is started with. */
export interface WriterSetup {
  file: string;
  durability: Durability;
  nativeBinding?: string | undefined;
}

export type ToWriter =
  | { type: 'insert'; id: number; rows: NewDelivery[] }
  /** Someone waits for search to see every committed row: index without waiting, and say how far. */
  | { type: 'index-now' }
  | { type: 'close' };

export type FromWriter =
  | { type: 'ready'; indexedUpTo: number }
  | { type: 'inserted'; id: number; items: DeliveryListItem[] }
  | { type: 'failed'; id: number; message: string; code: string | null }
  | { type: 'indexed'; upTo: number }
  | { type: 'log'; message: string }
  | { type: 'closed' };
