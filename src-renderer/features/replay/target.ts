/** A bot running on the developer's machine: where a replay most often goes. */
export const DEFAULT_TARGET = 'http://127.0.0.1:8000/webhook';
export const TARGET_STORAGE_KEY = 'bwi-replay-target';

// Storage can be missing or refuse (a locked-down profile): the default then stands in.
function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** The target of the last replay started, so the dialog opens on the bot being worked on. */
export function rememberedTarget(): string {
  try {
    return storage()?.getItem(TARGET_STORAGE_KEY) ?? DEFAULT_TARGET;
  } catch {
    return DEFAULT_TARGET;
  }
}

export function rememberTarget(target: string): void {
  try {
    storage()?.setItem(TARGET_STORAGE_KEY, target.trim());
  } catch {
    // Not remembered: the next dialog opens on the default instead.
  }
}
