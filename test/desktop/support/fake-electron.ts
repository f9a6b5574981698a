import { vi } from 'vitest';

type Listener = (event: { preventDefault(): void }) => void;
type WindowOpenHandler = (details: { url: string }) => { action: 'allow' | 'deny' };

/** The part of webContents the shell touches, recording what it registers. */
export class FakeWebContents {
  readonly listeners = new Map<string, Listener[]>();
  windowOpenHandler: WindowOpenHandler | undefined;
  readonly send = vi.fn();

  on(name: string, listener: Listener): this {
    this.listeners.set(name, [...(this.listeners.get(name) ?? []), listener]);
    return this;
  }

  setWindowOpenHandler(handler: WindowOpenHandler): void {
    this.windowOpenHandler = handler;
  }

  /**
   * Emits like Electron's navigation events do, the details on the event
   * itself; true when some listener called preventDefault.
   */
  emit(name: string, details: Record<string, unknown>): boolean {
    let prevented = false;
    const event = {
      ...details,
      preventDefault: () => {
        prevented = true;
      },
    };
    for (const listener of this.listeners.get(name) ?? []) listener(event);
    return prevented;
  }
}

/** A BrowserWindow that never opens: it keeps its options and the URL it was told to load. */
export class FakeBrowserWindow {
  static readonly created: FakeBrowserWindow[] = [];
  static getAllWindows = (): FakeBrowserWindow[] => FakeBrowserWindow.created;
  readonly webContents = new FakeWebContents();
  readonly loadURL = vi.fn(async (_url: string) => {});
  readonly on = vi.fn();
  readonly isDestroyed = vi.fn(() => false);

  constructor(readonly options: { webPreferences?: Record<string, unknown> }) {
    FakeBrowserWindow.created.push(this);
  }
}
