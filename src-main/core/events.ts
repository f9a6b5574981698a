import type { EventListener, EventName, EventPayload } from '@contract';

/** Fans core's events out to every transport that subscribed. */
export class EventHub {
  private readonly listeners = new Set<EventListener>();

  subscribe = (listener: EventListener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  emit<E extends EventName>(name: E, payload: EventPayload<E>): void {
    for (const listener of this.listeners) {
      try {
        listener(name, payload);
      } catch {
        // One broken subscriber (a closed window, a dead socket) must not stop the others.
      }
    }
  }
}
