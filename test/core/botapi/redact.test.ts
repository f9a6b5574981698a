import { describe, expect, it } from 'vitest';
import { redact } from '../../../src-main/core/botapi/redact';

describe('redact', () => {
  it('masks a /bot<token>/ path segment and every given secret', () => {
    expect(redact('POST https://api.telegram.org/bot12:abc/setWebhook', [])).toBe(
      'POST https://api.telegram.org/bot***/setWebhook',
    );
    expect(redact('jwt eyJhbGciOi.x.y seen', ['eyJhbGciOi.x.y'])).toBe('jwt *** seen');
  });

  it('masks a webhook secret by the name it goes under, however short', () => {
    expect(redact('got {"url":"https://b.example","secret_token" : "k9"}', [])).toBe(
      'got {"url":"https://b.example","secret_token" : "***"}',
    );
    expect(redact('{"secret_token":"a\\"b","x":1}', [])).toBe('{"secret_token":"***","x":1}');
    expect(redact('url=https%3A%2F%2Fb&secret_token=k9&max_connections=4', [])).toBe(
      'url=https%3A%2F%2Fb&secret_token=***&max_connections=4',
    );
    expect(redact('X-Telegram-Bot-Api-Secret-Token: k9, then', [])).toBe(
      'X-Telegram-Bot-Api-Secret-Token: ***, then',
    );
  });
});
