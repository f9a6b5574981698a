import { describe, expect, it } from 'vitest';
import { parseChatId } from '../../../src-renderer/features/compose/chatId';
import { checkLinkForm, EMPTY_LINK_FORM } from '../../../src-renderer/features/links/linkForm';
import { entityIdFromText } from '../../../src-renderer/shared/entityId';

describe('entityIdFromText', () => {
  it('gives an id as typed as a number when it is a safe integer, else as the trimmed text', () => {
    expect(entityIdFromText(' 42 ')).toBe(42);
    expect(entityIdFromText('-1001234567890')).toBe(-1001234567890);
    expect(entityIdFromText('9007199254740991')).toBe(9007199254740991);
    for (const [typed, text] of [
      ['9007199254740993', '9007199254740993'],
      [' @channel ', '@channel'],
      ['1.5', '1.5'],
      ['', ''],
    ] as const) {
      expect({ typed, id: entityIdFromText(typed) }).toEqual({ typed, id: text });
    }
  });

  it('is what the compose form and the link form send', () => {
    expect(parseChatId(' -100123 ')).toBe(-100123);
    expect(parseChatId('  ')).toBeNull();
    const checked = checkLinkForm({ ...EMPTY_LINK_FORM, command: 'hello', userId: ' 123 ' });
    expect(checked.ok && checked.input.userId).toBe(123);
    const named = checkLinkForm({ ...EMPTY_LINK_FORM, command: 'hello', userId: 'ada' });
    expect(named.ok && named.input.userId).toBe('ada');
  });
});
