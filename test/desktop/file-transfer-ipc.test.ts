import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DESKTOP_METHOD_NAMES, desktopChannel, type TransferProgress } from '@contract';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createFileDialogs, type NativeDialogs } from '../../src-main/desktop/file-dialogs';
import { bindDesktopToIpc } from '../../src-main/desktop/ipc-adapter';
import { createPreferences } from '../../src-main/desktop/preferences';
import { call, ended, ndjson, record, transferCore } from '../core/transfer/support';
import type { TestCore } from '../support/core';
import { makeTempDir, removeDir } from '../support/temp-dir';
import { FakeIpcMain } from './support/fake-ipc';

const APP_PAGE = 'file:///app/out/renderer/index.html';
const page = { url: APP_PAGE };

// The desktop's export and import, as the page calls them over IPC: a real
// core behind them, Electron's dialogs replaced by fakes that "pick" paths.
const dirs: string[] = [];
const tempDir = (prefix?: string) => {
  const dir = makeTempDir(prefix);
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) removeDir(dir);
});
let c: { t: TestCore; progress: TransferProgress[] };
let outside: string;
let dialogs: { [K in keyof NativeDialogs]: ReturnType<typeof vi.fn<NativeDialogs[K]>> };
let ipc: FakeIpcMain;
let room = Number.POSITIVE_INFINITY;

beforeEach(async () => {
  c = await transferCore();
  outside = tempDir('bwi-picked-');
  room = Number.POSITIVE_INFINITY;
  dialogs = {
    showSaveDialog: vi.fn<NativeDialogs['showSaveDialog']>(async () => ({ canceled: true })),
    showOpenDialog: vi.fn<NativeDialogs['showOpenDialog']>(async () => ({ canceled: true, filePaths: [] })),
  };
  ipc = new FakeIpcMain();
  const files = createFileDialogs({
    dialogs,
    transferDir: c.t.core.transferDir,
    uploadRoom: () => Math.min(room, c.t.core.uploadRoom()),
    downloadsDir: outside,
  });
  bindDesktopToIpc(ipc, { ...files, ...createPreferences(c.t.dataDir) }, () => APP_PAGE);
});

afterEach(async () => {
  await c.t.dispose();
});

async function exported(): Promise<string> {
  await importText(ndjson([record(1, { inbox: 'shop' }), record(2, { inbox: 'shop' })]));
  const started = await call<TransferProgress>(c.t, 'export.start', { format: 'ndjson' });
  const done = await ended(c.progress, started.jobId);
  if (done.file === null) throw new Error('the export made no file');
  return done.file;
}

async function importText(text: string): Promise<TransferProgress> {
  const picked = join(outside, 'picked.ndjson');
  writeFileSync(picked, text);
  dialogs.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [picked] });
  const answer = (await ipc.call(desktopChannel('files.openImport'), page, {})) as {
    ok: true;
    value: { picked: { file: string; size: number; name: string } };
  };
  expect(answer.ok).toBe(true);
  const started = await call<TransferProgress>(c.t, 'import.start', {
    format: 'ndjson',
    file: answer.value.picked.file,
  });
  return ended(c.progress, started.jobId);
}

describe('export over IPC, saved through the native save dialog', () => {
  it('copies the kept export to the path the user picked', async () => {
    const file = await exported();
    const target = join(outside, 'saved.ndjson');
    dialogs.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: target });
    const answer = await ipc.call(desktopChannel('files.saveExport'), page, { file });
    expect(answer).toEqual({ ok: true, value: { path: target } });
    expect(readFileSync(target, 'utf8')).toBe(
      readFileSync(join(c.t.core.transferDir('exports'), file), 'utf8'),
    );
    expect(readFileSync(target, 'utf8').trim().split('\n')).toHaveLength(2);
    // The dialog starts in Downloads with the export's own name.
    expect(dialogs.showSaveDialog.mock.calls[0]?.[0]).toMatchObject({ defaultPath: join(outside, file) });
  });

  it('says why it could not save, and leaves no half file', async () => {
    const file = await exported();
    const target = join(outside, 'no-such-folder', 'saved.ndjson');
    dialogs.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: target });
    const answer = await ipc.call(desktopChannel('files.saveExport'), page, { file });
    expect(answer).toMatchObject({
      ok: false,
      error: { error: 'bad-input', message: expect.stringContaining(target) },
    });
    expect(existsSync(target)).toBe(false);
  });

  it('answers a null path when the dialog is cancelled', async () => {
    const file = await exported();
    expect(await ipc.call(desktopChannel('files.saveExport'), page, { file })).toEqual({
      ok: true,
      value: { path: null },
    });
  });

  it('refuses a name that walks out of the exports folder, before any dialog opens', async () => {
    const answer = await ipc.call(desktopChannel('files.saveExport'), page, { file: '../inspector.sqlite' });
    expect(answer).toMatchObject({ ok: false, error: { error: 'bad-input' } });
    expect(dialogs.showSaveDialog).not.toHaveBeenCalled();
  });

  it('says so when the export is gone', async () => {
    const answer = await ipc.call(desktopChannel('files.saveExport'), page, {
      file: 'deliveries-gone.ndjson',
    });
    expect(answer).toMatchObject({
      ok: false,
      error: { error: 'not-found', message: expect.stringMatching(/expired/) },
    });
  });
});

describe('import over IPC, picked in the native open dialog', () => {
  it('copies the picked file in, and import.start reads it', async () => {
    const done = await importText(ndjson([record(1, { inbox: 'shop' })]));
    expect(done).toMatchObject({ state: 'finished', imported: 1 });
    const listed = await call<{ total: number }>(c.t, 'deliveries.list', { inbox: 'shop' });
    expect(listed.total).toBe(1);
  });

  it('keeps the picked name and size, and names the copy itself', async () => {
    const picked = join(outside, 'my export.har');
    writeFileSync(picked, '{"log":{"entries":[]}}');
    dialogs.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [picked] });
    const answer = await ipc.call(desktopChannel('files.openImport'), page, {});
    expect(answer).toMatchObject({
      ok: true,
      value: {
        picked: { name: 'my export.har', size: 22, file: expect.stringMatching(/^upload-[0-9a-f-]+\.har$/) },
      },
    });
  });

  it('answers null when the dialog is cancelled', async () => {
    expect(await ipc.call(desktopChannel('files.openImport'), page, {})).toEqual({
      ok: true,
      value: { picked: null },
    });
  });

  it('refuses a file past the quota with the same reason as the web upload', async () => {
    room = 4;
    const picked = join(outside, 'big.ndjson');
    writeFileSync(picked, '0123456789');
    dialogs.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [picked] });
    const answer = await ipc.call(desktopChannel('files.openImport'), page, {});
    expect(answer).toMatchObject({
      ok: false,
      error: { error: 'bad-input', message: expect.stringMatching(/0 MiB more/) },
    });
  });

  it('refuses a folder', async () => {
    dialogs.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [outside] });
    const answer = await ipc.call(desktopChannel('files.openImport'), page, {});
    expect(answer).toMatchObject({ ok: false, error: { error: 'bad-input' } });
  });
});

describe('the shell’s methods over IPC', () => {
  it('refuses every one from another page, before any dialog opens', async () => {
    for (const method of DESKTOP_METHOD_NAMES) {
      const answer = await ipc.call(desktopChannel(method), { url: 'https://evil.example/' }, {});
      expect(answer).toMatchObject({ ok: false, error: { error: 'unauthorized' } });
    }
    expect(dialogs.showOpenDialog).not.toHaveBeenCalled();
    expect(dialogs.showSaveDialog).not.toHaveBeenCalled();
  });

  it('keeps the notification setting off by default, and remembers it across starts', async () => {
    expect(await ipc.call(desktopChannel('desktop.preferences'), page, {})).toEqual({
      ok: true,
      value: { notifyNewDeliveries: false },
    });
    await ipc.call(desktopChannel('desktop.setPreferences'), page, { notifyNewDeliveries: true });
    expect(createPreferences(c.t.dataDir).current()).toEqual({ notifyNewDeliveries: true });
    const bad = await ipc.call(desktopChannel('desktop.setPreferences'), page, {
      notifyNewDeliveries: 'yes',
    });
    expect(bad).toMatchObject({ ok: false, error: { error: 'bad-input' } });
  });
});
