import type { StoreStatus } from '@contract';

/**
 * Whether the shared store can be reached, told to the UI when it changes.
 * Only a team server's PostgreSQL goes away; a write that fails for that
 * reason marks it unavailable, and the first success after marks it back.
 */
export class StoreHealth {
  private status: StoreStatus;

  constructor(
    engine: StoreStatus['engine'],
    private readonly onChange: (status: StoreStatus) => void,
  ) {
    this.status = { engine, state: 'ok', reason: null, since: new Date().toISOString() };
  }

  get(): StoreStatus {
    return { ...this.status };
  }

  failed(reason: string): void {
    if (this.status.state === 'unavailable' && this.status.reason === reason) return;
    const since = this.status.state === 'unavailable' ? this.status.since : new Date().toISOString();
    this.set({ ...this.status, state: 'unavailable', reason, since });
  }

  recovered(): void {
    if (this.status.state === 'ok') return;
    this.set({ ...this.status, state: 'ok', reason: null, since: new Date().toISOString() });
  }

  private set(status: StoreStatus): void {
    this.status = status;
    this.onChange({ ...status });
  }
}
