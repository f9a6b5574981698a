import type { MenuCommand } from '@contract';

/**
 * The shell's keyboard shortcuts, one row per menu command. Kept here rather
 * than in the page so the menu shows them and they work whatever has focus;
 * the page's own keys (such as "/" for search) stay the page's.
 */
export const ACCELERATORS: readonly { command: MenuCommand; label: string; accelerator: string }[] = [
  { command: 'open-export', label: 'Export Deliveries…', accelerator: 'CmdOrCtrl+E' },
  { command: 'open-import', label: 'Import Deliveries…', accelerator: 'CmdOrCtrl+O' },
  { command: 'show-deliveries', label: 'Deliveries', accelerator: 'CmdOrCtrl+1' },
  { command: 'show-webhook', label: 'Webhook', accelerator: 'CmdOrCtrl+2' },
  { command: 'show-compose', label: 'Compose', accelerator: 'CmdOrCtrl+3' },
  { command: 'show-logs', label: 'Logs', accelerator: 'CmdOrCtrl+4' },
  { command: 'show-sandbox', label: 'Sandbox Chat', accelerator: 'CmdOrCtrl+5' },
  { command: 'show-commands', label: 'Commands', accelerator: 'CmdOrCtrl+6' },
  { command: 'show-links', label: 'Signed Links', accelerator: 'CmdOrCtrl+7' },
  { command: 'show-settings', label: 'Inbox Settings', accelerator: 'CmdOrCtrl+8' },
];
