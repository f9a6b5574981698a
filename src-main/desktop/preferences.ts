import { join } from 'node:path';
import { DEFAULT_DESKTOP_PREFERENCES, type DesktopPreferences, type DesktopService } from '@contract';
import { DesktopPreferences as PreferencesSchema } from '@contract/desktop-methods';
import { readJsonFile, writeJsonFile } from './json-file';

export const PREFERENCES_FILE = 'desktop-preferences.json';

export interface PreferencesStore
  extends Pick<DesktopService, 'desktop.preferences' | 'desktop.setPreferences'> {
  current(): DesktopPreferences;
}

/** The shell's own settings (notifications), in the data dir; off until the user turns them on. */
export function createPreferences(dataDir: string): PreferencesStore {
  const path = join(dataDir, PREFERENCES_FILE);
  let current = readJsonFile(path, PreferencesSchema, DEFAULT_DESKTOP_PREFERENCES);
  return {
    current: () => current,
    'desktop.preferences': () => current,
    'desktop.setPreferences': (change) => {
      const next = { ...current, ...change };
      writeJsonFile(path, next);
      current = next;
      return current;
    },
  };
}
