import { describe, expect, it } from 'vitest';
import { normalizeUpdate, UNKNOWN_SUMMARY } from '../../../src-main/core/deliveries/normalize';
import { SOLAFON_SEED_PAYLOAD, telegramMessage } from '../../support/payloads';

describe('normalizeUpdate', () => {
  it('reads the Solafon seed payload exactly', () => {
    expect(normalizeUpdate(SOLAFON_SEED_PAYLOAD)).toEqual({
      platform: 'solafon',
      kind: 'message',
      updateId: 123,
      user: { id: 456, name: 'John', username: 'user@example.com', language: 'en' },
      chat: { id: 456, type: 'private' },
      text: '/start',
    });
  });

  it('reads the seed payload after a JSON round trip (as the receiver parses it)', () => {
    const parsed = JSON.parse(JSON.stringify(SOLAFON_SEED_PAYLOAD)) as unknown;
    expect(normalizeUpdate(parsed)).toEqual(normalizeUpdate(SOLAFON_SEED_PAYLOAD));
  });

  it('reads a Telegram Update with a message', () => {
    expect(normalizeUpdate(telegramMessage(900, 'hello'))).toEqual({
      platform: 'telegram',
      kind: 'message',
      updateId: 900,
      user: { id: 111, name: 'Ada Lovelace', username: 'ada', language: 'en' },
      chat: { id: -100200, type: 'group' },
      text: 'hello',
    });
  });

  it('reads an edited_message', () => {
    const update = {
      update_id: 901,
      edited_message: {
        message_id: 3,
        from: { id: 5, is_bot: false, first_name: 'Bo' },
        chat: { id: 5, type: 'private' },
        date: 1,
        edit_date: 2,
        text: 'fixed typo',
      },
    };
    expect(normalizeUpdate(update)).toEqual({
      platform: 'telegram',
      kind: 'edited_message',
      updateId: 901,
      user: { id: 5, name: 'Bo', username: null, language: null },
      chat: { id: 5, type: 'private' },
      text: 'fixed typo',
    });
  });

  it('reads a callback_query: text is its data, chat comes from its message', () => {
    const update = {
      update_id: 902,
      callback_query: {
        id: 'cb1',
        from: { id: 77, is_bot: false, first_name: 'Cy', username: 'cy' },
        message: { message_id: 9, chat: { id: 77, type: 'private' }, date: 1, text: 'pick one' },
        chat_instance: 'x',
        data: 'choice:2',
      },
    };
    expect(normalizeUpdate(update)).toEqual({
      platform: 'telegram',
      kind: 'callback_query',
      updateId: 902,
      user: { id: 77, name: 'Cy', username: 'cy', language: null },
      chat: { id: 77, type: 'private' },
      text: 'choice:2',
    });
  });

  it('uses the caption of a message without text', () => {
    const update = {
      update_id: 903,
      message: {
        message_id: 4,
        from: { id: 8, first_name: 'Di' },
        chat: { id: 8, type: 'private' },
        date: 1,
        photo: [{ file_id: 'a', width: 1, height: 1 }],
        caption: 'look at this',
      },
    };
    const summary = normalizeUpdate(update);
    expect(summary.platform).toBe('telegram');
    expect(summary.kind).toBe('message');
    expect(summary.text).toBe('look at this');
  });

  it.each([
    ['null', null],
    ['a number', 42],
    ['a string', '{"update_id":1}'],
    ['an array', [{ update_id: 1, message: { text: 'x' } }]],
    ['an object without update_id', { message: { text: 'x', chat: { id: 1 } } }],
    ['update_id as a string', { update_id: '5', message: { text: 'x', chat: { id: 1 } } }],
    ['update_id as a fraction', { update_id: 1.5, message: { text: 'x' } }],
  ])('returns the unknown summary for %s', (_label, body) => {
    expect(normalizeUpdate(body)).toEqual(UNKNOWN_SUMMARY);
    expect(normalizeUpdate(body).updateId).toBeNull();
  });

  it('keeps the update_id of an object with no known update field', () => {
    expect(normalizeUpdate({ update_id: 77, something_new: { a: 1 } })).toEqual({
      platform: 'unknown',
      kind: 'unknown',
      updateId: 77,
      user: null,
      chat: null,
      text: null,
    });
  });
});
