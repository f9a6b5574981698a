import { describe, expect, it } from 'vitest';
import {
  FALLBACK_OPEN_FILES,
  openFileLimit,
  parseOpenFileLimit,
} from '../../../src-main/core/http/open-file-limit';

const LIMITS = `Limit                     Soft Limit           Hard Limit           Units
Max cpu time              unlimited            unlimited            seconds
Max open files            20000                40000                files
Max locked memory         8388608              8388608              bytes
`;

describe('open file limit', () => {
  it('reads the soft limit from /proc/<pid>/limits', () => {
    expect(parseOpenFileLimit(LIMITS)).toBe(20000);
    expect(openFileLimit(() => LIMITS)).toBe(20000);
  });

  it('takes "unlimited" as large, and falls back where there is no /proc', () => {
    expect(parseOpenFileLimit(LIMITS.replace('20000 ', 'unlimited'))).toBeGreaterThanOrEqual(65536);
    expect(parseOpenFileLimit('Max cpu time unlimited unlimited seconds')).toBeNull();
    expect(
      openFileLimit(() => {
        throw new Error('ENOENT');
      }),
    ).toBe(FALLBACK_OPEN_FILES);
    expect(openFileLimit(() => 'nothing useful')).toBe(FALLBACK_OPEN_FILES);
  });
});
