import { join } from 'node:path';
import { z } from 'zod';
import { readJsonFile, writeJsonFile } from './json-file';

export const WINDOW_STATE_FILE = 'window-state.json';

const Rect = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().min(200).max(100_000),
  height: z.number().int().min(150).max(100_000),
});
type Rect = z.infer<typeof Rect>;

const WindowState = z.object({ bounds: Rect, maximized: z.boolean() });
export type WindowState = z.infer<typeof WindowState>;

export const DEFAULT_SIZE = { width: 1280, height: 800 };

/** Where the window opens: the remembered bounds when they still fall on a screen, else the default size. */
export function initialBounds(
  saved: WindowState | null,
  workAreas: readonly Rect[],
): { bounds: Partial<Rect> & { width: number; height: number }; maximized: boolean } {
  if (saved === null) return { bounds: { ...DEFAULT_SIZE }, maximized: false };
  // A display unplugged since: a window placed off every screen could not be reached, so only its size is kept.
  const visible = workAreas.some((area) => overlap(area, saved.bounds) >= 100 * 100);
  const { x, y, width, height } = saved.bounds;
  return { bounds: visible ? { x, y, width, height } : { width, height }, maximized: saved.maximized };
}

function overlap(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

/** The part of a BrowserWindow whose bounds are remembered. */
export interface BoundedWindow {
  getNormalBounds(): Rect;
  isMaximized(): boolean;
  on(event: 'close', listener: () => void): unknown;
}

export function loadWindowState(dataDir: string): WindowState | null {
  return readJsonFile<WindowState | null>(join(dataDir, WINDOW_STATE_FILE), WindowState, null);
}

/** Saves the window's normal (unmaximized) bounds and whether it was maximized, as it closes. */
export function rememberBounds(win: BoundedWindow, dataDir: string, log: (message: string) => void): void {
  win.on('close', () => {
    const state: WindowState = { bounds: win.getNormalBounds(), maximized: win.isMaximized() };
    try {
      writeJsonFile(join(dataDir, WINDOW_STATE_FILE), state);
    } catch (error) {
      // Closing must not fail over a settings file.
      log(`Could not remember the window's size: ${(error as Error).message}`);
    }
  });
}
