import { request } from 'undici';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestCore, type TestCore } from '../../support/core';

let t: TestCore;

beforeEach(async () => {
  t = await startTestCore();
});
afterEach(async () => {
  await t.dispose();
});

async function call(path: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await request(`${t.core.sandboxUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: res.statusCode, json: (await res.body.json()) as Record<string, unknown> };
}
const tg = (method: string, body: unknown = {}) => call(`/bot${t.core.sandboxToken}/${method}`, body);

describe('sandbox setWebhook and plain http', () => {
  it('refuses a non-loopback http:// URL with Telegram’s own answer and keeps the old webhook', async () => {
    const before = ((await tg('getWebhookInfo')).json.result as { url: string }).url;
    for (const url of ['http://example.com/hook', 'http://10.0.0.5:8080/hook', 'http://127.example.com/x']) {
      const res = await tg('setWebhook', { url });
      expect(res.status).toBe(400);
      expect(res.json).toEqual({
        ok: false,
        error_code: 400,
        description: 'Bad Request: bad webhook: An HTTPS URL must be provided for webhook',
      });
    }
    expect(((await tg('getWebhookInfo')).json.result as { url: string }).url).toBe(before);
  });

  it('refuses it through the Solafon dialect too', async () => {
    const bot = (await t.core.service['sandbox.info']({})) as { token: string };
    const res = await call(
      '/api/v1/bot/setWebhook',
      { url: 'http://example.com/hook' },
      { authorization: `Bearer ${bot.token}` },
    );
    expect(res.status).toBe(400);
    expect(res.json.description).toBe('Bad Request: bad webhook: An HTTPS URL must be provided for webhook');
  });

  it('still takes loopback http and any https', async () => {
    for (const url of [
      'http://127.0.0.1:9/hook',
      'http://localhost:9/hook',
      'http://[::1]:9/hook',
      'https://example.com/hook',
    ]) {
      const res = await tg('setWebhook', { url });
      expect(res.json).toMatchObject({ ok: true, result: true });
      expect(((await tg('getWebhookInfo')).json.result as { url: string }).url).toBe(url);
    }
  });
});
