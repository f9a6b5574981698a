import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/** Debian's chromium (or CHROMIUM_PATH); null when none is installed. */
export function findChromium(): string | null {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : null;
  return CANDIDATES.find((path) => existsSync(path)) ?? null;
}

export const NO_BROWSER_MESSAGE =
  'No chromium found: install it (apt-get install chromium) or set CHROMIUM_PATH. In CI this is a failure.';

export async function launchChromium(
  executablePath: string,
): Promise<{ browser: Browser; close(): Promise<void> }> {
  // Flags that work on offline, headless build machines (see ARCHITECTURE.md);
  // playwright gives every launch a fresh, temporary profile of its own.
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    browser,
    close: () => browser.close(),
  };
}
