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

/**
 * A BrowserWindow that never opens: it keeps its options and the URL it was
 * told to load, and lets a test play its window events (focus, close, …).
 */
export class FakeBrowserWindow {
  static readonly created: FakeBrowserWindow[] = [];
  static getAllWindows = (): FakeBrowserWindow[] => FakeBrowserWindow.created;
  readonly webContents = new FakeWebContents();
  readonly loadURL = vi.fn(async (_url: string) => {});
  readonly windowListeners = new Map<string, (() => void)[]>();
  readonly on = vi.fn((name: string, listener: () => void) => {
    this.windowListeners.set(name, [...(this.windowListeners.get(name) ?? []), listener]);
    return this;
  });
  readonly isDestroyed = vi.fn(() => false);
  focused = false;
  readonly isFocused = vi.fn(() => this.focused);
  readonly isMinimized = vi.fn(() => false);
  readonly isMaximized = vi.fn(() => false);
  readonly getNormalBounds = vi.fn(() => ({ x: 10, y: 20, width: 900, height: 700 }));
  readonly maximize = vi.fn();
  readonly restore = vi.fn();
  readonly show = vi.fn();
  readonly focus = vi.fn();
  readonly flashFrame = vi.fn();

  constructor(readonly options: { webPreferences?: Record<string, unknown>; width?: number; x?: number }) {
    FakeBrowserWindow.created.push(this);
  }

  emitWindow(name: string): void {
    for (const listener of this.windowListeners.get(name) ?? []) listener();
  }
}
