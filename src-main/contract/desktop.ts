// The desktop shell's own calls and pushes, beside the contract's methods:
// native file dialogs, the shell's preferences and menu commands. Names only,
// without zod, so the preload can check a channel without bundling schemas;
// the schemas are in `desktop-methods.ts`.
import type { Envelope } from './errors';

export const DESKTOP_METHOD_NAMES = [
  /** Save a kept export where the user picks, through the native save dialog. */
  'files.saveExport',
  /** Pick a file in the native open dialog; it is copied into the imports folder for `import.start`. */
  'files.openImport',
  'desktop.preferences',
  'desktop.setPreferences',
] as const;
export type DesktopMethodName = (typeof DESKTOP_METHOD_NAMES)[number];

export function isDesktopMethodName(name: unknown): name is DesktopMethodName {
  return typeof name === 'string' && (DESKTOP_METHOD_NAMES as readonly string[]).includes(name);
}

/**
 * What the application menu asks the page to do. The accelerators are the
 * shell's (src-main/desktop/accelerators.ts); the page only acts on the name.
 */
export const MENU_COMMANDS = [
  'open-export',
  'open-import',
  'show-deliveries',
  'show-webhook',
  'show-compose',
  'show-logs',
  'show-sandbox',
  'show-commands',
  'show-links',
  'show-settings',
] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

export function isMenuCommand(name: unknown): name is MenuCommand {
  return typeof name === 'string' && (MENU_COMMANDS as readonly string[]).includes(name);
}

export const desktopChannel = (method: DesktopMethodName): string => `inspector-desktop:${method}`;
export const MENU_COMMAND_CHANNEL = 'inspector-desktop:menu';

/** The desktop part of `window.inspector`: named calls and menu commands, nothing generic. */
export interface DesktopBridge {
  invoke(method: DesktopMethodName, input: unknown): Promise<Envelope<unknown>>;
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
}
