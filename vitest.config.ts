import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';
import { modulePathPlugin } from './test/support/module-path-plugin.ts';

const alias = { '@contract': resolve(import.meta.dirname, 'src-main/contract') };
// Core starts its command workers from `?modulePath` imports, as electron-vite builds them.
const modulePath = modulePathPlugin({ root: import.meta.dirname, alias });

/**
 * postgres.js drops the promise of the array-type query it runs on every new
 * connection (porsager/postgres#1192, open): a connection reset while it runs
 * (the tests that stop their cluster on purpose) surfaces as an unhandled
 * rejection no caller can catch. The app logs it and goes on (guardProcess);
 * here that one library defect is not counted against a run, and every other
 * unhandled error still fails it.
 */
const isPostgresTypeFetch = (error: unknown): boolean => {
  const query = (error as { query?: unknown }).query;
  return typeof query === 'string' && query.includes('pg_catalog.pg_type') && query.includes('typarray');
};

export default defineConfig({
  resolve: { alias },
  test: {
    onUnhandledError: (error) => !isPostgresTypeFetch(error),
    projects: [
      {
        resolve: { alias },
        plugins: [modulePath],
        test: {
          name: 'unit',
          include: ['test/{core,contract,desktop,web,scripts}/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'renderer',
          include: ['test/renderer/**/*.test.{ts,tsx}'],
          environment: 'jsdom',
          setupFiles: ['test/renderer/support/setup.ts'],
        },
      },
      {
        resolve: { alias },
        // End-to-end tests drive the built app, but a helper may still import core in-process.
        plugins: [modulePath],
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.e2e.test.ts'],
          environment: 'node',
          globalSetup: ['test/e2e/build.global-setup.ts'],
          // One browser and one server at a time: the machine has two cores.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        resolve: { alias },
        plugins: [modulePath],
        test: {
          // `npm run bench`: the benchmark, a section per file; prints ratios and targets, asserts nothing on speed.
          name: 'bench',
          include: ['test/bench/**/*.run.ts'],
          environment: 'node',
          globalSetup: ['test/e2e/build.global-setup.ts'],
          fileParallelism: false,
          testTimeout: 60 * 60_000,
          hookTimeout: 10 * 60_000,
        },
      },
      {
        resolve: { alias },
        test: {
          // `npm run test:packaged`: the installer's app started by Playwright's Electron launcher
          // (after `npm run dist`; the release workflow runs it on each OS). Not part of `npm test`.
          name: 'packaged',
          include: ['test/packaged/**/*.packaged.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
        },
      },
      {
        resolve: { alias },
        test: {
          // `npm run screenshot`: regenerates the README's picture; not part of `npm test`.
          name: 'screenshot',
          include: ['test/e2e/screenshot.run.ts'],
          environment: 'node',
          globalSetup: ['test/e2e/build.global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
