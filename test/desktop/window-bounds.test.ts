import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_SIZE,
  initialBounds,
  loadWindowState,
  WINDOW_STATE_FILE,
} from '../../src-main/desktop/window-bounds';
import { makeTempDir, removeDir } from '../support/temp-dir';

const dirs: string[] = [];
const tempDir = (prefix?: string) => {
  const dir = makeTempDir(prefix);
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) removeDir(dir);
});
const screen = { x: 0, y: 0, width: 1920, height: 1080 };

describe('window bounds', () => {
  it('uses the default size the first time', () => {
    expect(initialBounds(null, [screen])).toEqual({ bounds: DEFAULT_SIZE, maximized: false });
  });

  it('keeps only the size when the remembered place is on no screen any more', () => {
    const saved = { bounds: { x: 3000, y: 100, width: 1000, height: 700 }, maximized: true };
    expect(initialBounds(saved, [screen])).toEqual({ bounds: { width: 1000, height: 700 }, maximized: true });
    expect(initialBounds(saved, [screen, { x: 1920, y: 0, width: 2560, height: 1440 }]).bounds).toEqual(
      saved.bounds,
    );
  });

  it('reads a broken or hand-edited file as nothing remembered', () => {
    const dir = tempDir();
    writeFileSync(join(dir, WINDOW_STATE_FILE), '{"bounds": {"x": "left"}');
    expect(loadWindowState(dir)).toBeNull();
    writeFileSync(
      join(dir, WINDOW_STATE_FILE),
      JSON.stringify({ bounds: { x: 0, y: 0, width: 5, height: 5 }, maximized: false }),
    );
    expect(loadWindowState(dir)).toBeNull();
  });
});
