import { describe, expect, it } from 'vitest';

// Every renderer source file, as text: the check below reads how keys are handled.
const SOURCES = import.meta.glob<string>('/src-renderer/**/*.{ts,tsx}', {
  query: '?raw',
  import: 'default',
  eager: true,
});

describe('shortcut registry', () => {
  it('is the only place that compares key names, so the ? dialog cannot drift from the keys', () => {
    const files = Object.keys(SOURCES);
    expect(files.length).toBeGreaterThan(50);
    const offenders = files.filter(
      (file) =>
        !file.endsWith('/features/shortcuts/registry.ts') &&
        /\bevent\.key\b|\.key\s*[!=]==\s*['"][^'"]|case\s+['"](?:Enter|Escape|Arrow\w+|Tab|Home|End|PageUp|PageDown)['"]/.test(
          SOURCES[file] as string,
        ),
    );
    expect(offenders).toEqual([]);
  });
});
