import type { DeliveryDetail, ExportFile, InboxSettings, SandboxInfo } from '@contract';
import { describe, expect, it } from 'vitest';
import { shownTo } from '../../../src-main/core/team/shown-to';

const detail = {
  id: 1,
  query: 'a=1&token=abc&sig=xyz',
  headers: [
    ['Content-Type', 'application/json'],
    ['X-Telegram-Bot-Api-Secret-Token', 'hunter2'],
    ['Authorization', 'Bearer abc'],
  ],
} as unknown as DeliveryDetail;

describe('shownTo', () => {
  it('masks a delivery’s credential headers and query values, a signed link’s sig included, for viewers only', () => {
    expect(shownTo('viewer', 'deliveries.get', detail)).toMatchObject({
      query: 'a=1&token=***&sig=***',
      headers: [
        ['Content-Type', 'application/json'],
        ['X-Telegram-Bot-Api-Secret-Token', '***'],
        ['Authorization', '***'],
      ],
    });
    expect(shownTo('operator', 'deliveries.get', detail)).toBe(detail);
    expect(shownTo('admin', 'deliveries.get', detail)).toBe(detail);
  });

  it('masks the sandbox bot’s token, an answer’s cookies and a forwarding address’s credentials for viewers', () => {
    const info = {
      url: 'http://127.0.0.1:1',
      botId: 1,
      username: 'sandbox_bot',
      token: '1:abc',
      profileId: 1,
    };
    expect(shownTo('viewer', 'sandbox.info', info satisfies SandboxInfo)).toEqual({ ...info, token: '***' });
    expect(shownTo('operator', 'sandbox.info', info)).toEqual(info);

    const attempts = {
      items: [
        {
          id: 1,
          responseHeaders: [
            ['Set-Cookie', 's=1'],
            ['Content-Length', '2'],
          ],
          sentHeaders: [
            ['x-telegram-bot-api-secret-token', 'hush'],
            ['content-type', 'application/json'],
          ],
        },
      ],
    };
    expect(shownTo('viewer', 'replay.attempts', attempts)).toEqual({
      items: [
        {
          id: 1,
          responseHeaders: [
            ['Set-Cookie', '***'],
            ['Content-Length', '2'],
          ],
          sentHeaders: [
            ['x-telegram-bot-api-secret-token', '***'],
            ['content-type', 'application/json'],
          ],
        },
      ],
    });

    const settings = {
      inbox: 'shop',
      forwarding: { url: 'https://user:pw@bot.example/hook?api_key=k&x=1', mode: 'tap' },
      rule: null,
      ruleHits: 0,
      retention: { keepCount: null, keepDays: null },
      secretCheck: null,
    } satisfies InboxSettings;
    expect(shownTo('viewer', 'inboxes.settings', settings)).toMatchObject({
      forwarding: { url: 'https://user:***@bot.example/hook?api_key=***&x=1' },
    });
  });

  it('masks credentials in a capture’s tap and saved webhook addresses for viewers', () => {
    const list = {
      items: [
        {
          profileId: 3,
          inbox: 'shop',
          tapUrl: 'http://dev:pw@127.0.0.1:8000/hook?token=t',
          startedAt: new Date(0).toISOString(),
          captured: 1,
          lastError: null,
          saved: {
            url: 'https://bot.example/hook?api_key=k',
            allowedUpdates: null,
            maxConnections: null,
            ipAddress: null,
            secretKnown: true,
          },
        },
      ],
    };
    expect(shownTo('viewer', 'capture.list', list)).toMatchObject({
      items: [
        {
          tapUrl: 'http://dev:***@127.0.0.1:8000/hook?token=***',
          saved: { url: 'https://bot.example/hook?api_key=***' },
        },
      ],
    });
    expect(shownTo('admin', 'capture.list', list)).toBe(list);
  });

  it('leaves audit exports out of the exports listed to anyone but an admin', () => {
    const file = (name: string): ExportFile => ({
      file: name,
      format: 'ndjson',
      bytes: 1,
      createdAt: '',
      expiresAt: '',
    });
    const listed = { items: [file('deliveries-1.ndjson'), file('audit-1.ndjson')] };
    expect(shownTo('viewer', 'export.list', listed)).toEqual({ items: [file('deliveries-1.ndjson')] });
    expect(shownTo('operator', 'export.list', listed)).toEqual({ items: [file('deliveries-1.ndjson')] });
    expect(shownTo('admin', 'export.list', listed)).toEqual(listed);
  });
});
