import { describe, expect, it } from 'vitest';
import { events, methods } from '../../src-main/contract/methods';
import { EVENT_NAMES, isEventName, isMethodName, METHOD_NAMES } from '../../src-main/contract/names';

describe('contract tables', () => {
  it('has exactly the methods METHOD_NAMES lists, in the same order', () => {
    expect(Object.keys(methods)).toEqual([...METHOD_NAMES]);
  });

  it('has exactly the events EVENT_NAMES lists, in the same order', () => {
    expect(Object.keys(events)).toEqual([...EVENT_NAMES]);
  });

  it('recognises names without being fooled by prototype properties', () => {
    expect(METHOD_NAMES.every(isMethodName)).toBe(true);
    expect(EVENT_NAMES.every(isEventName)).toBe(true);
    for (const bad of ['toString', '__proto__', 'constructor', '', 'DELIVERIES.LIST', null, 1]) {
      expect(isMethodName(bad)).toBe(false);
      expect(isEventName(bad)).toBe(false);
    }
  });

  it('parses the list input with its default limit of 200', () => {
    expect(methods['deliveries.list'].input.parse({})).toEqual({ limit: 200 });
    expect(methods['deliveries.list'].input.parse({ inbox: 'shop', before: 5, limit: 3 })).toEqual({
      inbox: 'shop',
      before: 5,
      limit: 3,
    });
  });
});
