import { homedir } from 'node:os';
import { join } from 'node:path';

/** Electron names its userData folder after the product; web mode uses the same folder. */
export const PRODUCT_NAME = 'Bot Webhook Inspector';

/** The folder Electron's app.getPath('userData') gives, so both modes share one history. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), PRODUCT_NAME);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', PRODUCT_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), PRODUCT_NAME);
}
