import type { MenuCommand } from '@contract';
import type { MenuItemConstructorOptions } from 'electron';
import { ACCELERATORS } from './accelerators';

export interface MenuOptions {
  appName: string;
  platform: NodeJS.Platform;
  /** Developer tools and force-reload only while developing (not in a packaged app). */
  development: boolean;
  /** Sends the command to the page (which shows the view or opens the dialog). */
  send(command: MenuCommand): void;
  /** Opens the README shipped with the app (unpacked beside the asar) in the system's viewer. */
  openReadme(): void;
}

const item = (command: MenuCommand, send: (command: MenuCommand) => void): MenuItemConstructorOptions => {
  const row = ACCELERATORS.find((entry) => entry.command === command);
  if (row === undefined) throw new Error(`No accelerator row for ${command}`);
  return { label: row.label, accelerator: row.accelerator, click: () => send(command) };
};

/**
 * The application menu: Electron's standard roles (so copy, paste, zoom,
 * minimize and quit behave as on every app of the OS) plus the app's own
 * commands with the shell's accelerators.
 */
export function menuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const mac = options.platform === 'darwin';
  const { send } = options;
  const views = ACCELERATORS.filter((row) => row.command.startsWith('show-')).map((row) =>
    item(row.command, send),
  );
  const template: MenuItemConstructorOptions[] = [];
  if (mac) template.push({ label: options.appName, role: 'appMenu' });
  template.push(
    {
      label: 'File',
      submenu: [
        item('open-export', send),
        item('open-import', send),
        { type: 'separator' },
        mac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        ...views,
        { type: 'separator' },
        { role: 'reload' },
        ...(options.development
          ? ([{ role: 'forceReload' }, { role: 'toggleDevTools' }] as MenuItemConstructorOptions[])
          : []),
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
    {
      role: 'help',
      submenu: [{ label: 'README', click: () => options.openReadme() }],
    },
  );
  return template;
}
