import { afterAll, beforeAll } from 'vitest';

const SIZES = ['clientHeight', 'clientWidth', 'offsetHeight', 'offsetWidth'] as const;

/**
 * jsdom does no layout, so every element measures 0 and a virtualizer shows
 * nothing. Gives every element this size for the tests of the calling file;
 * call it at the top level of the file, as it registers beforeAll/afterAll.
 */
export function installFakeLayout(size = 640): void {
  const saved = SIZES.map(
    (name) => [name, Object.getOwnPropertyDescriptor(HTMLElement.prototype, name)] as const,
  );
  beforeAll(() => {
    for (const name of SIZES) {
      Object.defineProperty(HTMLElement.prototype, name, { configurable: true, get: () => size });
    }
  });
  afterAll(() => {
    for (const [name, descriptor] of saved) {
      if (descriptor !== undefined) Object.defineProperty(HTMLElement.prototype, name, descriptor);
    }
  });
}
