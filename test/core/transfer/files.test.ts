import { readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ExportFile, TransferProgress } from '@contract';
import { request } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { TransferFiles } from '../../../src-main/core/transfer/files';
import { maskQuery } from '../../../src-main/core/transfer/mask';
import type { TestCore } from '../../support/core';
import { makeTempDir, removeDir } from '../../support/temp-dir';
import { call, ended, transferCore } from './support';

const cores: TestCore[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const c of cores.splice(0)) await c.dispose();
  for (const d of dirs.splice(0)) removeDir(d);
});

async function core() {
  const c = await transferCore();
  cores.push(c.t);
  return c;
}

async function exported(c: Awaited<ReturnType<typeof core>>, input: Record<string, unknown> = {}) {
  const started = await call<TransferProgress>(c.t, 'export.start', { format: 'ndjson', ...input });
  const end = await ended(c.progress, started.jobId);
  expect(end.state).toBe('finished');
  return {
    file: end.file ?? '',
    text: readFileSync(join(c.t.core.transferDir('exports'), end.file ?? ''), 'utf8'),
  };
}

describe('exports carry no credentials', () => {
  it('masks credential headers by pattern and credential-like query parameters', async () => {
    const c = await core();
    const res = await request(
      `${c.t.core.receiverUrl}/webhook?token=tok-in-query&api_key=key-in-query&page=2`,
      {
        method: 'POST',
        body: '{"update_id": 1}',
        headers: {
          'content-type': 'application/json',
          'x-api-key': 'key-in-header',
          'x-hub-signature-256': 'sha256=sig-in-header',
          'x-telegram-bot-api-secret-token': 'telegram-secret',
          cookie: 'session=cookie-value',
          authorization: 'Bearer bearer-value',
          'x-custom-auth-token': 'custom-token',
          'x-request-id': 'keep-me',
        },
      },
    );
    await res.body.dump();
    for (const format of ['ndjson', 'har'] as const) {
      const { text } = await exported(c, { format });
      for (const secret of [
        'tok-in-query',
        'key-in-query',
        'key-in-header',
        'sig-in-header',
        'telegram-secret',
        'cookie-value',
        'bearer-value',
        'custom-token',
      ]) {
        expect(text, `${format} leaks ${secret}`).not.toContain(secret);
      }
      expect(text).toContain('keep-me');
      expect(text).toContain('page=2');
    }
  });

  it('keeps sig of a signed link unless asked to mask it', async () => {
    const c = await core();
    const { url } = await c.t.core.service['links.sign']({ command: 'hello', userId: 42, params: [] });
    await (await request(url)).body.dump();
    const sig = new URL(url).searchParams.get('sig') ?? '';
    expect(sig).not.toBe('');
    expect((await exported(c)).text).toContain(encodeURIComponent(sig));
    const masked = (await exported(c, { maskLinkSignatures: true })).text;
    expect(masked).not.toContain(encodeURIComponent(sig));
    expect(masked).toContain('sig=***');
  });

  it('masks by name, keeping every other byte of the query', () => {
    expect(maskQuery('a=1&access_token=x&b=%20y&sig=k.m', false)).toBe('a=1&access_token=***&b=%20y&sig=k.m');
    expect(maskQuery('a=1&sig=k.m&flag&%ZZ=1', true)).toBe('a=1&sig=***&flag&%ZZ=1');
  });
});

describe('exports and uploads on disk', () => {
  it('lists exports with their expiry, deletes one, and counts them in the storage line', async () => {
    const c = await core();
    const { file } = await exported(c);
    const { items } = await call<{ items: ExportFile[] }>(c.t, 'export.list', {});
    expect(items).toHaveLength(1);
    const [item] = items as [ExportFile];
    expect(item).toMatchObject({ file, format: 'ndjson' });
    expect(Date.parse(item.expiresAt) - Date.parse(item.createdAt)).toBe(24 * 60 * 60 * 1000);
    const storage = await call<{ exportsBytes: number; uploadsBytes: number }>(c.t, 'app.storage', {});
    expect(storage.exportsBytes).toBe(item.bytes);

    await call(c.t, 'export.delete', { file });
    expect((await call<{ items: ExportFile[] }>(c.t, 'export.list', {})).items).toEqual([]);
    await expect(call(c.t, 'export.delete', { file })).rejects.toMatchObject({ code: 'not-found' });
    await expect(call(c.t, 'export.delete', { file: '../inspector.sqlite' })).rejects.toMatchObject({
      code: 'bad-input',
    });
  });

  it('sweeps exports past their expiry and uploads never imported', () => {
    const dataDir = makeTempDir('bwi-files-');
    dirs.push(dataDir);
    const files = new TransferFiles(dataDir, { exportTtlMs: 1000, uploadTtlMs: 500, quotaBytes: 100 });
    const at = (kind: 'exports' | 'imports', name: string, ageMs: number) => {
      const path = join(files.dir(kind), name);
      writeFileSync(path, 'x'.repeat(10));
      const when = (Date.now() - ageMs) / 1000;
      utimesSync(path, when, when);
    };
    at('exports', 'old.ndjson', 5000);
    at('exports', 'new.ndjson', 0);
    at('imports', 'old-upload.ndjson', 1000);
    at('imports', 'new-upload.ndjson', 0);
    expect(files.room()).toBe(60);
    expect(files.sweep()).toBe(2);
    expect(readdirSync(files.dir('exports'))).toEqual(['new.ndjson']);
    expect(readdirSync(files.dir('imports'))).toEqual(['new-upload.ndjson']);
    expect(files.usage()).toEqual({ exportsBytes: 10, uploadsBytes: 10 });
    expect(files.room()).toBe(80);
  });
});
