import { describe, expect, it } from 'vitest';
import { entityIdFromText } from '../../../src-main/core/deliveries/entity-id';

describe('entityIdFromText', () => {
  it('spells an id of up to 15 digits as a number, anything else as the text', () => {
    expect(entityIdFromText('42')).toBe(42);
    expect(entityIdFromText('-1001234567890')).toBe(-1001234567890);
    expect(entityIdFromText('123456789012345')).toBe(123456789012345);
    for (const text of ['1234567890123456', '@channel', '4 2', '', '1.5', '+42']) {
      expect({ text, id: entityIdFromText(text) }).toEqual({ text, id: text });
    }
  });
});
