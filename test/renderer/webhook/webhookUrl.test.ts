import { describe, expect, it } from 'vitest';
import { buildSetWebhookInput, defaultWebhookUrl } from '../../../src-renderer/features/webhook/webhookForm';
import { webhookUrlProblem } from '../../../src-renderer/features/webhook/webhookUrl';
import { makeProfile, SANDBOX_PROFILE } from '../support/bots';

const real = { sandbox: false };
const sandbox = { sandbox: true };

describe('webhookUrlProblem', () => {
  it('accepts any absolute https URL', () => {
    expect(webhookUrlProblem('https://bot.example.com/webhook', real)).toBeNull();
    expect(webhookUrlProblem('  https://bot.example.com:8443/hook?x=1  ', real)).toBeNull();
    expect(webhookUrlProblem('https://127.0.0.1/webhook', real)).toBeNull();
  });

  it('requires https for a real platform, even to this machine', () => {
    expect(webhookUrlProblem('http://bot.example.com/webhook', real)).toMatch(/must use HTTPS.*tunnel/);
    expect(webhookUrlProblem('http://127.0.0.1:8787/webhook', real)).toMatch(/must use HTTPS/);
    expect(webhookUrlProblem('http://localhost:8787/webhook', real)).toMatch(/must use HTTPS/);
  });

  it('lets the sandbox deliver to loopback http, and only loopback', () => {
    expect(webhookUrlProblem('http://127.0.0.1:8787/webhook', sandbox)).toBeNull();
    expect(webhookUrlProblem('http://127.1.2.3/webhook', sandbox)).toBeNull();
    expect(webhookUrlProblem('http://localhost:8787/webhook', sandbox)).toBeNull();
    expect(webhookUrlProblem('http://[::1]:8787/webhook', sandbox)).toBeNull();
    expect(webhookUrlProblem('http://192.168.1.5/webhook', sandbox)).toMatch(/this machine/);
    // Looks local to a string match, is not: trust is decided by the parsed host.
    expect(webhookUrlProblem('http://127.0.0.1.evil.example/webhook', sandbox)).toMatch(/must use HTTPS/);
    expect(webhookUrlProblem('http://localhost.evil.example/webhook', sandbox)).toMatch(/must use HTTPS/);
  });

  it('refuses what is not an absolute URL, and other schemes', () => {
    expect(webhookUrlProblem('', real)).toMatch(/Enter the URL/);
    expect(webhookUrlProblem('bot.example.com/webhook', real)).toMatch(/not an absolute URL/);
    expect(webhookUrlProblem('/webhook', sandbox)).toMatch(/not an absolute URL/);
    expect(webhookUrlProblem('ftp://bot.example.com/webhook', real)).toBe(
      'The webhook URL must use HTTPS, not ftp.',
    );
  });
});

describe('defaultWebhookUrl', () => {
  it("offers the profile's public URL, else for the sandbox the receiver's /webhook", () => {
    expect(defaultWebhookUrl(makeProfile(2, { publicUrl: 'https://t.example/webhook' }), null)).toBe(
      'https://t.example/webhook',
    );
    expect(defaultWebhookUrl(makeProfile(2), 'http://127.0.0.1:8787')).toBe('');
    expect(defaultWebhookUrl({ ...SANDBOX_PROFILE, publicUrl: '' }, 'http://127.0.0.1:8787/')).toBe(
      'http://127.0.0.1:8787/webhook',
    );
    expect(defaultWebhookUrl({ ...SANDBOX_PROFILE, publicUrl: '' }, null)).toBe('');
  });
});

describe('buildSetWebhookInput', () => {
  const form = {
    url: 'https://bot.example.com/webhook',
    secretToken: '',
    dropPendingUpdates: false,
    maxConnections: '',
  };
  const telegram = makeProfile(3, { platform: 'telegram', baseUrl: 'https://api.telegram.org' });

  it('sends only the URL to Solafon, whatever the Telegram-only fields hold', () => {
    expect(
      buildSetWebhookInput(
        { ...form, secretToken: 's', dropPendingUpdates: true, maxConnections: '5' },
        makeProfile(2),
      ),
    ).toEqual({ ok: true, input: { url: 'https://bot.example.com/webhook' } });
  });

  it("sends Telegram's secret token, drop pending and max connections when given", () => {
    expect(
      buildSetWebhookInput(
        { ...form, secretToken: 'abc_DEF-123', dropPendingUpdates: true, maxConnections: '10' },
        telegram,
      ),
    ).toEqual({
      ok: true,
      input: {
        url: 'https://bot.example.com/webhook',
        secretToken: 'abc_DEF-123',
        dropPendingUpdates: true,
        maxConnections: 10,
      },
    });
    expect(buildSetWebhookInput(form, telegram)).toEqual({
      ok: true,
      input: { url: 'https://bot.example.com/webhook' },
    });
  });

  it('refuses a secret token or max connections the platform would refuse', () => {
    expect(buildSetWebhookInput({ ...form, secretToken: 'has space' }, telegram)).toEqual({
      ok: false,
      problem: 'A secret token is 1–256 letters, digits, "_" or "-".',
    });
    expect(buildSetWebhookInput({ ...form, secretToken: 'a'.repeat(257) }, telegram).ok).toBe(false);
    expect(buildSetWebhookInput({ ...form, secretToken: 'a'.repeat(256) }, telegram).ok).toBe(true);
    for (const bad of ['0', '101', '2.5', 'many']) {
      expect(buildSetWebhookInput({ ...form, maxConnections: bad }, telegram).ok).toBe(false);
    }
  });

  it('checks the URL first, with the sandbox exception', () => {
    const local = { ...form, url: 'http://127.0.0.1:8787/webhook' };
    expect(buildSetWebhookInput(local, makeProfile(2)).ok).toBe(false);
    expect(buildSetWebhookInput(local, SANDBOX_PROFILE)).toEqual({
      ok: true,
      input: { url: 'http://127.0.0.1:8787/webhook' },
    });
  });
});
