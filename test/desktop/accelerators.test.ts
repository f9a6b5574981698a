import { MENU_COMMANDS } from '@contract';
import { describe, expect, it } from 'vitest';
import { ACCELERATORS } from '../../src-main/desktop/accelerators';

// What Electron's standard roles (and the OS) already answer to: a shortcut
// of ours on one of these would silently lose, or take it from the role.
const RESERVED = [
  'CmdOrCtrl+C',
  'CmdOrCtrl+V',
  'CmdOrCtrl+X',
  'CmdOrCtrl+A',
  'CmdOrCtrl+Z',
  'CmdOrCtrl+Shift+Z',
  'CmdOrCtrl+R',
  'CmdOrCtrl+Shift+R',
  'CmdOrCtrl+Shift+I',
  'Alt+CmdOrCtrl+I',
  'CmdOrCtrl+0',
  'CmdOrCtrl+Plus',
  'CmdOrCtrl+=',
  'CmdOrCtrl+-',
  'CmdOrCtrl+W',
  'CmdOrCtrl+Q',
  'CmdOrCtrl+M',
  'CmdOrCtrl+H',
  'F11',
];

describe('desktop accelerators', () => {
  it('give every menu command one shortcut, none twice and none a standard role’s', () => {
    expect(ACCELERATORS.map((row) => row.command).sort()).toEqual([...MENU_COMMANDS].sort());
    const keys = ACCELERATORS.map((row) => row.accelerator);
    expect(new Set(keys).size).toBe(keys.length);
    for (const key of keys) expect(RESERVED).not.toContain(key);
  });
});
