export function nativeDirName(version: string, platform: string, arch: string): string;
export function nativeBindingPath(version: string, platform?: string, arch?: string, base?: string): string;
export function electronVersion(base?: string): string;
export function ensureElectronNative(options?: {
  version?: string;
  platform?: string;
  arch?: string;
  target?: string;
  /** Where prebuild-install downloads from (default: the project's GitHub releases). */
  prebuiltHost?: string;
  /** Where @electron/rebuild gets Electron's headers (default: electronjs.org). */
  headerURL?: string;
  log?: (message: string) => void;
}): Promise<{ path: string; error?: undefined } | { error: string; path?: undefined }>;
