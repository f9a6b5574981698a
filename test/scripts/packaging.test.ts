import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { safeLoad } from 'js-yaml';
import { afterEach, describe, expect, it } from 'vitest';
import { ensureElectronNative } from '../../scripts/electron-native.js';
import { makeTempDir, removeDir } from '../support/temp-dir';

const root = join(import.meta.dirname, '../..');
const require = createRequire(import.meta.url);
const read = (path: string) => readFileSync(join(root, path), 'utf8');

type BuilderConfig = Record<string, unknown> & { asarUnpack: string[]; files: string[] };

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) removeDir(dir);
});

/** A port that refuses connections at once: downloads fail fast and the same way on every machine. */
function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address !== null ? resolve(address.port) : reject(),
      );
    });
  });
}

describe('electron-builder.yml', () => {
  const config = safeLoad(read('electron-builder.yml')) as BuilderConfig;

  it('passes electron-builder’s own schema check', async () => {
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
      validateConfiguration(config: unknown, logger: unknown): Promise<void>;
    };
    const { DebugLogger } = require('builder-util/out/DebugLogger') as {
      DebugLogger: new (on: boolean) => unknown;
    };
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    // The check is real: a misspelt option is refused.
    await expect(validateConfiguration({ ...config, asarUnpak: [] }, new DebugLogger(false))).rejects.toThrow(
      /does not match the API schema/,
    );
    // Loading app-builder-lib alone took over 5 s on a loaded 2-core machine.
  }, 60_000);

  it('builds AppImage and deb, dmg and NSIS, with the app id, product name and icons under build/', () => {
    expect(config).toMatchObject({
      appId: 'dev.botwebhookinspector.app',
      productName: 'Bot Webhook Inspector',
      directories: { buildResources: 'build' },
      linux: { target: ['AppImage', 'deb'] },
      mac: { target: ['dmg'] },
      win: { target: ['nsis'] },
    });
    const icon = readFileSync(join(root, 'build/icon.png'));
    expect(icon.subarray(1, 4).toString('ascii')).toBe('PNG');
    // electron-builder makes .icns and .ico from a PNG of at least 512 px.
    expect(icon.readUInt32BE(16)).toBeGreaterThanOrEqual(512);
    for (const size of [16, 32, 48, 64, 128, 256, 512]) {
      const png = readFileSync(join(root, `build/icons/${size}x${size}.png`));
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
    }
  });

  it('packs the built app and Electron’s better-sqlite3, unpacked from the asar, and leaves node_modules’ Node build alone', () => {
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toContain('**/*.node');
    expect(config.files).toEqual(
      expect.arrayContaining(['out/main/**', 'out/preload/**', 'out/renderer/**', 'out/native/**']),
    );
    expect(config.files).toContain('!node_modules/better-sqlite3/build/**');
    // An in-place rebuild would swap the Node build that tests and web mode load for Electron's.
    expect(config.npmRebuild).toBe(false);
  });
});

describe('the release workflow', () => {
  const workflow = safeLoad(read('.github/workflows/release.yml')) as {
    jobs: {
      installers: {
        strategy: { matrix: { include: { os: string }[] } };
        steps: { run?: string; env?: Record<string, string> }[];
      };
    };
  };
  const { installers } = workflow.jobs;

  it('builds on Ubuntu, macOS and Windows', () => {
    expect(installers.strategy.matrix.include.map((entry) => entry.os)).toEqual([
      'ubuntu-latest',
      'macos-latest',
      'windows-latest',
    ]);
  });

  it('builds the installers, then smoke-tests the packaged app, where a missing app fails', () => {
    const runs = installers.steps.map((step) => step.run ?? '');
    const dist = runs.findIndex((run) => run.startsWith('npm run dist'));
    const smoke = runs.findIndex((run) => run.includes('npm run test:packaged'));
    expect(dist).toBeGreaterThanOrEqual(0);
    expect(smoke).toBeGreaterThan(dist);
    for (const step of installers.steps.filter((s) => s.run?.includes('test:packaged'))) {
      expect(step.env?.BWI_REQUIRE_PACKAGED).toBe('1');
    }
  });

  it('runs a smoke test that exists and launches the packaged app with Playwright’s Electron launcher', () => {
    const smoke = read('test/packaged/smoke.packaged.test.ts');
    expect(smoke).toContain("import { _electron as electron } from 'playwright-core'");
    expect(smoke).toContain('curl');
  });
});

describe('where Electron cannot be had', () => {
  it('npm run dist fails with one clear line', async () => {
    const port = await closedPort();
    const cache = makeTempDir('bwi-electron-cache-');
    dirs.push(cache);
    const result = spawnSync(process.execPath, [join(root, 'scripts/dist.js')], {
      cwd: root,
      encoding: 'utf8',
      timeout: 60_000,
      env: { ...process.env, ELECTRON_MIRROR: `http://127.0.0.1:${port}/`, electron_config_cache: cache },
    });
    expect(result.status).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^npm run dist: Electron [\d.]+'s runtime for \S+ cannot be downloaded here \(.*\); build installers where it can be/,
    );
    expect(existsSync(join(root, 'dist'))).toBe(false);
  });

  it('better-sqlite3 for Electron: no prebuilt binary and no build is one line, and nothing is written', async () => {
    const port = await closedPort();
    const out = makeTempDir('bwi-native-');
    dirs.push(out);
    const target = join(out, 'better_sqlite3.node');
    const result = await ensureElectronNative({
      target,
      prebuiltHost: `http://127.0.0.1:${port}/better-sqlite3.tar.gz`,
      headerURL: `http://127.0.0.1:${port}`,
      log: () => {},
    });
    expect(result.error).toMatch(
      /^better-sqlite3 for Electron [\d.]+ could not be had here: no prebuilt binary \(.+\) and no build from source \(.+\)\.$/,
    );
    expect(result.error).not.toContain('\n');
    expect(existsSync(target)).toBe(false);
  }, 120_000);
});
