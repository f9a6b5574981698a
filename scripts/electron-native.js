// better-sqlite3 for Electron's ABI, from the standard tools and without
// touching node_modules' Node build (tests and web mode keep loading that):
// first the project's prebuilt binary (prebuild-install --runtime electron),
// else a build from source with @electron/rebuild (needs a C++ toolchain:
// Xcode's command line tools, build-essential, or Visual Studio's C++
// workload on Windows). Each runs on a throwaway copy of the module; the
// result is copied to out/native/electron-<version>-<platform>-<arch>/,
// where the desktop main looks for it (src-main/desktop/native-binding.ts).
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

export const nativeDirName = (version, platform, arch) => `electron-${version}-${platform}-${arch}`;

export function nativeBindingPath(version, platform = process.platform, arch = process.arch, base = root) {
  return join(base, 'out/native', nativeDirName(version, platform, arch), 'better_sqlite3.node');
}

export function electronVersion(base = root) {
  return JSON.parse(readFileSync(join(base, 'node_modules/electron/package.json'), 'utf8')).version;
}

const firstLine = (text) =>
  String(text ?? '')
    .split('\n')
    .map((line) => line.replace(/^prebuild-install (warn|err!?) (install )?/, '').trim())
    .filter((line) => line !== '' && !line.startsWith('prebuild-install info'))
    .at(-1) ?? 'no output';

/** A copy of better-sqlite3's sources (no build/) in a temp project, as @electron/rebuild expects one. */
function scratchCopy() {
  const dir = mkdtempSync(join(tmpdir(), 'bwi-electron-native-'));
  const source = dirname(require.resolve('better-sqlite3/package.json'));
  const moduleDir = join(dir, 'node_modules/better-sqlite3');
  cpSync(source, moduleDir, { recursive: true, filter: (path) => !path.startsWith(join(source, 'build')) });
  const { version } = JSON.parse(readFileSync(join(source, 'package.json'), 'utf8'));
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({ name: 'bwi-native', private: true, dependencies: { 'better-sqlite3': version } }),
  );
  return { dir, moduleDir };
}

function prebuilt(moduleDir, { version, platform, arch, prebuiltHost }) {
  const args = ['--runtime', 'electron', '--target', version, '--platform', platform, '--arch', arch];
  if (prebuiltHost) args.push('--download', prebuiltHost);
  const result = spawnSync(process.execPath, [require.resolve('prebuild-install/bin.js'), ...args], {
    cwd: moduleDir,
    encoding: 'utf8',
    timeout: 180_000,
  });
  return result.status === 0 ? null : firstLine(result.stderr || result.error?.message);
}

/**
 * npm passes its `nodedir` setting to scripts as npm_config_nodedir; node-gyp
 * would then compile against that Node's headers instead of Electron's and
 * hand back a binary of the wrong ABI that looks like success.
 */
function withoutNodeHeaders(env) {
  return Object.fromEntries(
    Object.entries(env).filter(([key]) => key.toLowerCase() !== 'npm_config_nodedir'),
  );
}

/** @electron/rebuild in a child process, so node-gyp's pages of output become one line of ours. */
function fromSource(dir, { version, arch, headerURL }) {
  const options = {
    buildPath: dir,
    electronVersion: version,
    arch,
    onlyModules: ['better-sqlite3'],
    force: true,
    buildFromSource: true,
    ...(headerURL ? { headerURL } : {}),
  };
  // A file, not --eval: the workers @electron/rebuild forks inherit the parent's flags.
  const script = join(dir, 'rebuild.mjs');
  writeFileSync(
    script,
    `import { rebuild } from ${JSON.stringify(import.meta.resolve('@electron/rebuild'))};
await rebuild(JSON.parse(process.env.BWI_REBUILD_OPTIONS));`,
  );
  const result = spawnSync(process.execPath, [script], {
    cwd: root,
    encoding: 'utf8',
    env: { ...withoutNodeHeaders(process.env), BWI_REBUILD_OPTIONS: JSON.stringify(options) },
    timeout: 15 * 60_000,
  });
  if (result.status === 0) return null;
  if (process.env.BWI_NATIVE_DEBUG) console.error(result.stderr);
  return diagnose(result.stderr || result.error?.message || '');
}

/** node-gyp's pages of output, as the one cause a person can act on. */
function diagnose(output) {
  if (/network connectivity|ENOTFOUND|ECONNREFUSED|EAI_AGAIN|ETIMEDOUT|ECONNRESET/.test(output)) {
    return "Electron's headers could not be downloaded";
  }
  if (
    /Visual Studio|Xcode|find Python|not found: (make|g\+\+|cc)|No such file or directory.*(make|g\+\+)/i.test(
      output,
    )
  ) {
    return 'no C++ toolchain was found';
  }
  const error = output.split('\n').find((line) => /^\s*Error: /.test(line));
  return (error ?? firstLine(output)).trim().slice(0, 200);
}

/**
 * Resolves to `{ path }` once Electron's build is in place, or to `{ error }`:
 * one line saying that neither a prebuilt binary nor a build could be had.
 */
export async function ensureElectronNative({
  version = electronVersion(),
  platform = process.platform,
  arch = process.arch,
  target = nativeBindingPath(version, platform, arch),
  prebuiltHost,
  headerURL,
  log = (message) => console.error(message),
} = {}) {
  if (existsSync(target)) return { path: target };
  const { dir, moduleDir } = scratchCopy();
  try {
    const built = join(moduleDir, 'build/Release/better_sqlite3.node');
    log(`Fetching better-sqlite3 built for Electron ${version} (${platform}-${arch})…`);
    const noPrebuilt = prebuilt(moduleDir, { version, platform, arch, prebuiltHost });
    let noBuild = null;
    if (noPrebuilt !== null || !existsSync(built)) {
      // A compiler can only build for the machine it runs on.
      if (platform !== process.platform) {
        return {
          error: `No prebuilt better-sqlite3 for Electron ${version} on ${platform}-${arch} (${noPrebuilt}).`,
        };
      }
      log('No prebuilt binary; building it from source for Electron…');
      noBuild = fromSource(dir, { version, arch, headerURL });
    }
    if (!existsSync(built)) {
      return {
        error: `better-sqlite3 for Electron ${version} could not be had here: no prebuilt binary (${noPrebuilt}) and no build from source (${noBuild ?? 'no output'}).`,
      };
    }
    mkdirSync(dirname(target), { recursive: true });
    copyFileSync(built, target);
    return { path: target };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const result = await ensureElectronNative();
  if (result.error) {
    console.error(result.error);
    process.exit(1);
  }
  console.log(result.path);
}
