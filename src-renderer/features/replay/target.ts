import type { ReplayTarget } from '@contract';
import type { ReplayScope } from './scope';

/** A bot running on the developer's machine: where a replay goes when none went from this inbox yet. */
export const DEFAULT_TARGET = 'http://127.0.0.1:8000/webhook';

/** The inbox whose remembered targets the dialog offers; null when the scope spans every inbox. */
export function scopeInbox(scope: ReplayScope): string | null {
  switch (scope.kind) {
    case 'one':
      return scope.delivery.inbox;
    case 'selection':
      return scope.inbox ?? null;
    case 'filter':
      return scope.filter.inbox ?? null;
  }
}

/** How a target is shown: its name with the address beside it, or the address alone. */
export const targetLabel = (target: ReplayTarget): string =>
  target.name === null ? target.url : `${target.name} (${target.url})`;
