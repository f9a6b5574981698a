import { createHash, randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { request } from 'undici';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../src-main/core/store/migrate';
import { migrations } from '../../../src-main/core/store/migrations';
import { DATABASE_FILE } from '../../../src-main/core/store/open-database';
import { startTestCore } from '../../support/core';
import { tempDirFor, useCleanup } from '../../support/temp-dir';
import { waitFor } from '../../support/wait';
import { startHookServer } from './hook-server';

/** The database as another local process would read it: the file and its WAL, as raw bytes. */
function bytesOnDisk(dataDir: string): string {
  const file = join(dataDir, DATABASE_FILE);
  return [file, `${file}-wal`]
    .map((path) => {
      try {
        return readFileSync(path).toString('latin1');
      } catch {
        return '';
      }
    })
    .join('');
}

async function call(url: string, body?: unknown, headers: Record<string, string> = {}) {
  const res = await request(url, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.statusCode, json: (await res.body.json()) as Record<string, unknown> };
}

describe("the sandbox bot's secrets at rest", () => {
  const cleanup = useCleanup();

  it('are sealed, a token found by its SHA-256, and still work after a restart', async () => {
    const dataDir = tempDirFor(cleanup);
    const first = await startTestCore({ dataDir });
    cleanup(() => first.stop());
    const { token, jwt } = first.core.sandboxBot;
    const secret = 'sandbox_webhook_secret_at_rest';
    const hook = await startHookServer();
    cleanup(() => hook.close());
    const set = await call(`${first.core.sandboxUrl}/bot${token}/setWebhook`, {
      url: hook.url,
      secret_token: secret,
    });
    expect(set.status).toBe(200);
    await first.stop();

    const disk = bytesOnDisk(dataDir);
    for (const plain of [token, jwt, secret]) expect(disk).not.toContain(plain);
    const raw = new BetterSqlite3(join(dataDir, DATABASE_FILE), { readonly: true });
    const digests = raw.prepare('SELECT token_sha256 FROM sandbox_bots').all();
    raw.close();
    expect(digests).toEqual([{ token_sha256: createHash('sha256').update(token).digest('hex') }]);

    const second = await startTestCore({ dataDir });
    cleanup(() => second.stop());
    expect(second.core.sandboxToken).toBe(token);
    expect((await call(`${second.core.sandboxUrl}/bot${token}/getMe`, {})).status).toBe(200);
    // The sealed webhook secret still goes out with each delivery.
    await call(`${second.core.sandboxUrl}/sandbox/bots/default/messages`, { user_id: 42, text: 'hi' });
    const [received] = await waitFor(() => hook.received.length > 0 && hook.received, { what: 'a delivery' });
    expect(received?.headers['x-telegram-bot-api-secret-token']).toBe(secret);
  });

  it('are sealed when a data dir from before 0009 is opened, keeping the bot, its chats, queue and logs', async () => {
    const dataDir = tempDirFor(cleanup);
    const token = '1234567890:old-plaintext-token-of-the-sandbox-bot';
    const jwt = 'sandbox-jwt.old-plaintext-jwt-of-the-sandbox-bot';
    const secret = 'old_plaintext_webhook_secret';
    // The previous release's database, as it left the sandbox's state.
    const old = new BetterSqlite3(join(dataDir, DATABASE_FILE));
    old.pragma('journal_mode = WAL');
    migrate(
      old,
      migrations.filter((m) => m.version < 9),
    );
    old
      .prepare(
        `INSERT INTO sandbox_bots (token, bot_id, username, first_name, app_id, jwt, webhook_url, secret_token, next_update_id)
         VALUES (?, 1234567890, 'sandbox_bot', 'Sandbox bot', 'sandbox-app-1234567890', ?, '', ?, 500)`,
      )
      .run(token, jwt, secret);
    old
      .prepare(
        `INSERT INTO sandbox_updates (bot_token, update_id, chat_id, message, created_at, next_attempt_at)
         VALUES (?, 499, 42, ?, 1, 1)`,
      )
      .run(
        token,
        JSON.stringify({
          messageId: 7,
          date: 1,
          text: 'waiting',
          user: { id: 42, name: 'Ada', language: 'en', username: null },
          chat: { id: 42, type: 'private' },
        }),
      );
    old
      .prepare(
        `INSERT INTO sandbox_messages (bot_token, chat_id, message_id, sender, user_id, user_name, text, date)
         VALUES (?, 42, 7, 'user', 42, 'Ada', 'waiting', 1)`,
      )
      .run(token);
    old
      .prepare(
        `INSERT INTO sandbox_webhook_logs (bot_token, update_id, url, status, error, response_time_ms, time)
         VALUES (?, 498, 'http://127.0.0.1:9/hook', NULL, 'Connection refused', 3, 1000)`,
      )
      .run(token);
    old.close();
    expect(bytesOnDisk(dataDir)).toContain(token);

    const t = await startTestCore({ dataDir });
    cleanup(() => t.stop());
    expect(t.core.sandboxToken).toBe(token);
    const sandbox = t.core.sandboxUrl;
    const info = await call(`${sandbox}/bot${token}/getWebhookInfo`, {});
    expect(info.json.result).toMatchObject({ pending_update_count: 1 });
    const chat = await call(`${sandbox}/sandbox/bots/default/chats/42/messages`);
    expect(chat.json.result).toMatchObject([{ message_id: 7, text: 'waiting', user_name: 'Ada' }]);
    const settings = await call(`${sandbox}/api/v1/apps/sandbox-app-1234567890/settings`, undefined, {
      authorization: `Bearer ${jwt}`,
    });
    expect(settings.json.webhookLogs).toMatchObject([{ updateId: 498, error: 'Connection refused' }]);
    const updates = await call(`${sandbox}/bot${token}/getUpdates`, {});
    expect(updates.json.result).toMatchObject([{ update_id: 499, message: { text: 'waiting' } }]);
    await t.stop();

    const disk = bytesOnDisk(dataDir);
    for (const plain of [token, jwt, secret]) expect(disk).not.toContain(plain);
  });

  it('give the bot a new token when they were sealed under another key, keeping its chats', async () => {
    const dataDir = tempDirFor(cleanup);
    const first = await startTestCore({ dataDir });
    cleanup(() => first.stop());
    const before = first.core.sandboxBot;
    await call(`${first.core.sandboxUrl}/sandbox/bots/default/messages`, { user_id: 42, text: 'kept' });
    await first.stop();
    // A key file from elsewhere: nothing sealed under the old one opens.
    writeFileSync(join(dataDir, 'secret.key'), randomBytes(32), { mode: 0o600 });

    const second = await startTestCore({ dataDir });
    cleanup(() => second.stop());
    const after = second.core.sandboxBot;
    expect(after.botId).toBe(before.botId);
    expect(after.token).not.toBe(before.token);
    expect(after.jwt).not.toBe(before.jwt);
    expect(second.logs.join('\n')).toMatch(/new token/);
    expect((await call(`${second.core.sandboxUrl}/bot${before.token}/getMe`, {})).status).toBe(401);
    expect((await call(`${second.core.sandboxUrl}/bot${after.token}/getMe`, {})).status).toBe(200);
    const chat = await call(`${second.core.sandboxUrl}/sandbox/bots/default/chats/42/messages`);
    expect(chat.json.result).toMatchObject([{ text: 'kept' }]);
  });
});
