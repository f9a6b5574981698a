import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { formatFromName } from '../../../src-renderer/features/transfer/formats';
import { change, renderApp, row } from '../support/app';
import { fakeDesktop } from '../support/desktop';
import { settle } from '../support/fakeClient';
import { FAKE_ORIGIN, FAKE_TOKEN, fakeFileRoutes } from '../support/files';
import { installFakeLayout } from '../support/layout';
import { makeTransferProgress } from '../support/replay';

installFakeLayout();
afterEach(cleanup);

const EXPORT_FILE = 'deliveries-2024-01-01T12-00-00-000Z-ab12cd34.har';

async function openExport() {
  const { files } = fakeFileRoutes();
  const app = await renderApp(
    {
      'export.start': ({ format }) =>
        makeTransferProgress({ jobId: 'exp-1', file: EXPORT_FILE, total: format === 'har' ? 1 : 3 }),
    },
    { files },
  );
  return app;
}

const scopeOptions = () =>
  [...(screen.getByTestId('export-scope') as HTMLSelectElement).options].map((option) => option.value);

describe('Export', () => {
  it('exports the selection as HAR and offers the file for download with the token', async () => {
    const { fake } = await openExport();
    fireEvent.click(within(row(2)).getByTestId('row-select'));
    fireEvent.click(screen.getByTestId('export-open'));
    expect(scopeOptions()).toEqual(['selection', 'all']);
    expect((screen.getByTestId('export-scope') as HTMLSelectElement).value).toBe('selection');
    change('export-format', 'har');
    fireEvent.click(screen.getByTestId('export-start'));
    await act(settle);
    expect(fake.calls('export.start').map((call) => call.input)).toEqual([
      { format: 'har', deliveryIds: [2] },
    ]);
    expect(screen.getByTestId('export-progress').dataset.state).toBe('running');
    expect(screen.queryByTestId('export-download')).toBeNull();
    expect((screen.getByTestId('export-start') as HTMLButtonElement).disabled).toBe(true);

    act(() =>
      fake.emit(
        'transfer.progress',
        makeTransferProgress({ jobId: 'exp-1', state: 'finished', done: 1, total: 1, file: EXPORT_FILE }),
      ),
    );
    expect(screen.getByTestId('export-status').textContent).toBe('Done: 1 delivery written.');
    const link = screen.getByTestId('export-download') as HTMLAnchorElement;
    expect(link.href).toBe(`${FAKE_ORIGIN}/downloads/${EXPORT_FILE}?token=${encodeURIComponent(FAKE_TOKEN)}`);
    expect(link.getAttribute('download')).toBe(EXPORT_FILE);
  });

  it('exports the current filter, or everything', async () => {
    const { fake, stores } = await openExport();
    act(() => stores.deliveries.getState().setFilter({ inbox: 'shop', kind: 'message' }));
    await act(settle);
    fireEvent.click(screen.getByTestId('export-open'));
    expect(scopeOptions()).toEqual(['filter', 'all']);
    fireEvent.click(screen.getByTestId('export-start'));
    await act(settle);
    act(() =>
      fake.emit('transfer.progress', makeTransferProgress({ jobId: 'exp-1', state: 'finished', done: 3 })),
    );
    change('export-scope', 'all');
    fireEvent.click(screen.getByTestId('export-start'));
    await act(settle);
    expect(fake.calls('export.start').map((call) => call.input)).toEqual([
      { format: 'ndjson', filter: { inbox: 'shop', kind: 'message' } },
      { format: 'ndjson' },
    ]);
  });

  it('masks signatures of signed links when asked', async () => {
    const { fake } = await openExport();
    fireEvent.click(screen.getByTestId('export-open'));
    fireEvent.click(screen.getByTestId('export-mask-sig'));
    fireEvent.click(screen.getByTestId('export-start'));
    await act(settle);
    expect(fake.calls('export.start').map((call) => call.input)).toEqual([
      { format: 'ndjson', maskLinkSignatures: true },
    ]);
  });

  it('lists the kept exports with their expiry, deletes one after asking, and reads the list again', async () => {
    let kept = [
      {
        file: EXPORT_FILE,
        format: 'har' as const,
        bytes: 2_500_000,
        createdAt: '2024-01-01T12:00:00.000Z',
        expiresAt: '2024-01-02T12:00:00.000Z',
      },
    ];
    const { files } = fakeFileRoutes();
    const { fake } = await renderApp(
      {
        'export.list': () => ({ items: kept }),
        'export.delete': ({ file }) => {
          kept = kept.filter((k) => k.file !== file);
          return { deleted: true };
        },
      },
      { files },
    );
    fireEvent.click(screen.getByTestId('export-open'));
    await act(settle);
    const item = screen.getByTestId('kept-export');
    expect(item.textContent).toContain('2.5 MB · deleted by itself at 2024-01-0');
    expect((within(item).getByRole('link') as HTMLAnchorElement).href).toBe(
      `${FAKE_ORIGIN}/downloads/${EXPORT_FILE}?token=${encodeURIComponent(FAKE_TOKEN)}`,
    );
    fireEvent.click(within(item).getByTestId('kept-export-delete'));
    expect(fake.calls('export.delete')).toEqual([]);
    fireEvent.click(within(item).getByTestId('kept-export-delete-confirm'));
    await act(settle);
    expect(fake.calls('export.delete').map((call) => call.input)).toEqual([{ file: EXPORT_FILE }]);
    expect(screen.queryByTestId('kept-export')).toBeNull();
    expect(screen.getByTestId('kept-exports').textContent).toContain('None: exports are kept for 24 hours.');
  });

  it('shows why an export failed', async () => {
    const { fake } = await openExport();
    fireEvent.click(screen.getByTestId('export-open'));
    fireEvent.click(screen.getByTestId('export-start'));
    await act(settle);
    act(() =>
      fake.emit(
        'transfer.progress',
        makeTransferProgress({ jobId: 'exp-1', state: 'failed', error: 'ENOSPC: disk full' }),
      ),
    );
    expect(screen.getByTestId('export-status').textContent).toBe('The export failed: ENOSPC: disk full');
    expect(screen.queryByTestId('export-download')).toBeNull();
  });
});

function chooseFile(name: string, content = '{}\n') {
  const file = new File([content], name, { type: 'application/octet-stream' });
  fireEvent.change(screen.getByTestId('import-file'), { target: { files: [file] } });
  return file;
}

describe('Import', () => {
  it('uploads the file with fetch, then starts the import with the name the bridge gave it', async () => {
    let importsWhenUploading = -1;
    const routes = fakeFileRoutes(() => {
      importsWhenUploading = app.fake.calls('import.start').length;
      return { status: 200, body: { file: 'upload-7f3a.har', size: 2048 } };
    });
    const app = await renderApp(
      { 'import.start': () => makeTransferProgress({ jobId: 'imp-1', kind: 'import', total: null }) },
      { files: routes.files },
    );
    const { fake } = app;
    fireEvent.click(screen.getByTestId('import-open'));
    const start = screen.getByTestId('import-start') as HTMLButtonElement;
    expect(start.disabled).toBe(true);
    expect(screen.getByTestId('import-file').getAttribute('accept')).toBe('.ndjson,.jsonl,.har,.json');

    const file = chooseFile('capture.har');
    expect((screen.getByTestId('import-format') as HTMLSelectElement).value).toBe('har');
    change('import-inbox', 'shop');
    fireEvent.click(start);
    await act(settle);

    expect(routes.fetch).toHaveBeenCalledTimes(1);
    const [url, init] = routes.fetch.mock.calls[0] ?? [];
    const uploadUrl = new URL(String(url));
    expect(`${uploadUrl.origin}${uploadUrl.pathname}`).toBe(`${FAKE_ORIGIN}/uploads`);
    expect(uploadUrl.searchParams.get('token')).toBeNull();
    expect(init?.headers).toMatchObject({ Authorization: `Bearer ${FAKE_TOKEN}` });
    expect(uploadUrl.searchParams.get('name')).toBe('capture.har');
    expect(init?.method).toBe('POST');
    expect(init?.body).toBe(file);
    expect(importsWhenUploading).toBe(0);
    expect(fake.calls('import.start').map((call) => call.input)).toEqual([
      { format: 'har', file: 'upload-7f3a.har', inbox: 'shop' },
    ]);

    act(() =>
      fake.emit(
        'transfer.progress',
        makeTransferProgress({
          jobId: 'imp-1',
          kind: 'import',
          done: 500,
          imported: 480,
          skipped: 20,
          total: null,
        }),
      ),
    );
    const progress = screen.getByTestId('import-progress');
    expect(progress.dataset.state).toBe('running');
    expect(screen.getByTestId('import-status').textContent).toBe(
      'Read 500 · 480 imported · 20 skipped (already there)',
    );
    act(() =>
      fake.emit(
        'transfer.progress',
        makeTransferProgress({
          jobId: 'imp-1',
          kind: 'import',
          state: 'finished',
          done: 620,
          total: 620,
          imported: 600,
          skipped: 20,
        }),
      ),
    );
    expect(screen.getByTestId('import-status').textContent).toBe(
      'Done: 600 imported · 20 skipped (already there)',
    );
  });

  it('keeps each delivery its inbox by default, and lets the format be overridden', async () => {
    const routes = fakeFileRoutes(() => ({ status: 200, body: { file: 'upload-1.json', size: 3 } }));
    const { fake } = await renderApp(
      { 'import.start': () => makeTransferProgress({ jobId: 'imp-2', kind: 'import', total: null }) },
      { files: routes.files },
    );
    fireEvent.click(screen.getByTestId('import-open'));
    chooseFile('lines.json');
    expect((screen.getByTestId('import-format') as HTMLSelectElement).value).toBe('har');
    change('import-format', 'ndjson');
    fireEvent.click(screen.getByTestId('import-start'));
    await act(settle);
    expect(fake.calls('import.start').map((call) => call.input)).toEqual([
      { format: 'ndjson', file: 'upload-1.json' },
    ]);
  });

  it('shows the line an import failed at', async () => {
    const routes = fakeFileRoutes();
    const { fake } = await renderApp(
      { 'import.start': () => makeTransferProgress({ jobId: 'imp-3', kind: 'import', total: null }) },
      { files: routes.files },
    );
    fireEvent.click(screen.getByTestId('import-open'));
    chooseFile('broken.ndjson');
    fireEvent.click(screen.getByTestId('import-start'));
    await act(settle);
    act(() =>
      fake.emit(
        'transfer.progress',
        makeTransferProgress({
          jobId: 'imp-3',
          kind: 'import',
          state: 'failed',
          done: 11,
          imported: 11,
          error: 'line 12: not JSON',
        }),
      ),
    );
    expect(screen.getByTestId('import-failed').textContent).toBe(
      'The import failed: line 12: not JSON. What was read before that was kept.',
    );
    expect(screen.getByTestId('import-status').textContent).toBe('11 imported · 0 skipped (already there)');
  });

  it('does not start an import when the upload is refused', async () => {
    const routes = fakeFileRoutes(() => ({
      status: 400,
      body: { error: 'bad-input', message: 'The file is over 1 GiB.' },
    }));
    const { fake } = await renderApp({}, { files: routes.files });
    fireEvent.click(screen.getByTestId('import-open'));
    chooseFile('huge.ndjson');
    fireEvent.click(screen.getByTestId('import-start'));
    await act(settle);
    expect(screen.getByTestId('import-error').textContent).toBe('The upload failed: The file is over 1 GiB.');
    expect(fake.calls('import.start')).toHaveLength(0);
  });
});

describe('Export and import on the desktop', () => {
  it('save a finished export through the native save dialog, and say where it went', async () => {
    const desktop = fakeDesktop({ 'files.saveExport': () => ({ path: '/home/ada/Downloads/x.har' }) });
    const { fake } = await renderApp(
      { 'export.start': () => makeTransferProgress({ jobId: 'exp-1', file: EXPORT_FILE, total: 1 }) },
      { files: desktop.files, desktop: desktop.shell },
    );
    fireEvent.click(screen.getByTestId('export-open'));
    fireEvent.click(screen.getByTestId('export-start'));
    await act(settle);
    act(() =>
      fake.emit(
        'transfer.progress',
        makeTransferProgress({ jobId: 'exp-1', state: 'finished', done: 1, file: EXPORT_FILE }),
      ),
    );
    const save = screen.getByTestId('export-download');
    expect(save.tagName).toBe('BUTTON');
    expect(save.textContent).toBe(`Save ${EXPORT_FILE}…`);
    fireEvent.click(save);
    await act(settle);
    expect(desktop.invoke).toHaveBeenCalledWith('files.saveExport', { file: EXPORT_FILE });
    expect(screen.getByTestId('export-download-saved').textContent).toBe(
      'Saved to /home/ada/Downloads/x.har',
    );
  });

  it('import a file picked in the native open dialog, with no upload', async () => {
    const desktop = fakeDesktop({
      'files.openImport': () => ({ picked: { file: 'upload-9.har', size: 10, name: 'capture.har' } }),
    });
    const { fake } = await renderApp(
      { 'import.start': () => makeTransferProgress({ jobId: 'imp-1', kind: 'import', total: null }) },
      { files: desktop.files, desktop: desktop.shell },
    );
    fireEvent.click(screen.getByTestId('import-open'));
    expect(screen.queryByTestId('import-file')).toBeNull();
    fireEvent.click(screen.getByTestId('import-choose'));
    await act(settle);
    expect(screen.getByTestId('import-chosen').textContent).toBe('capture.har');
    expect((screen.getByTestId('import-format') as HTMLSelectElement).value).toBe('har');
    fireEvent.click(screen.getByTestId('import-start'));
    await act(settle);
    expect(fake.calls('import.start').map((call) => call.input)).toEqual([
      { format: 'har', file: 'upload-9.har' },
    ]);
  });

  it('show why a picked file was refused', async () => {
    const desktop = fakeDesktop({
      'files.openImport': () => {
        throw new Error('The file is over 1 GiB.');
      },
    });
    await renderApp({}, { files: desktop.files, desktop: desktop.shell });
    fireEvent.click(screen.getByTestId('import-open'));
    fireEvent.click(screen.getByTestId('import-choose'));
    await act(settle);
    expect(screen.getByTestId('import-error').textContent).toBe('The file is over 1 GiB.');
    expect((screen.getByTestId('import-start') as HTMLButtonElement).disabled).toBe(true);
  });

  it('open from the File menu and its shortcuts', async () => {
    const desktop = fakeDesktop();
    const { stores } = await renderApp({}, { files: desktop.files, desktop: desktop.shell });
    act(() => desktop.menu('show-links'));
    expect(stores.navigation.getState().view).toBe('links');
    act(() => desktop.menu('open-import'));
    expect(stores.navigation.getState().view).toBe('deliveries');
    expect(screen.getByRole('dialog', { name: 'Import deliveries' })).toBeTruthy();
  });

  it('are disabled, with the reason, where the transport can move no file', async () => {
    await renderApp();
    const exportButton = screen.getByTestId('export-open') as HTMLButtonElement;
    const importButton = screen.getByTestId('import-open') as HTMLButtonElement;
    expect(exportButton.disabled).toBe(true);
    expect(importButton.disabled).toBe(true);
    const note = screen.getByTestId('transfer-unavailable');
    expect(note.textContent).toMatch(/cannot move files/i);
    expect(exportButton.getAttribute('aria-describedby')).toBe(note.id);
  });
});

describe('Desktop settings', () => {
  it('turn notifications of new deliveries on; off until then, and absent in a browser', async () => {
    let prefs = { notifyNewDeliveries: false };
    const desktop = fakeDesktop({
      'desktop.preferences': () => prefs,
      'desktop.setPreferences': (change) => {
        prefs = { ...prefs, ...(change as typeof prefs) };
        return prefs;
      },
    });
    const { stores } = await renderApp(
      { 'inboxes.settings': () => new Promise(() => {}), 'app.storage': () => new Promise(() => {}) },
      { files: desktop.files, desktop: desktop.shell },
    );
    act(() => stores.navigation.getState().show('settings'));
    await act(settle);
    const box = screen.getByTestId('desktop-notify') as HTMLInputElement;
    expect(box.checked).toBe(false);
    fireEvent.click(box);
    await act(settle);
    expect(desktop.invoke).toHaveBeenCalledWith('desktop.setPreferences', { notifyNewDeliveries: true });
    expect((screen.getByTestId('desktop-notify') as HTMLInputElement).checked).toBe(true);
    cleanup();
    const browser = await renderApp({
      'inboxes.settings': () => new Promise(() => {}),
      'app.storage': () => new Promise(() => {}),
    });
    act(() => browser.stores.navigation.getState().show('settings'));
    expect(screen.queryByTestId('desktop-settings')).toBeNull();
  });
});

describe('formatFromName', () => {
  it('reads the format from the extension, HAR for .json', () => {
    expect(formatFromName('a.ndjson')).toBe('ndjson');
    expect(formatFromName('a.JSONL')).toBe('ndjson');
    expect(formatFromName('session.har')).toBe('har');
    expect(formatFromName('session.json')).toBe('har');
    expect(formatFromName('notes.txt')).toBeNull();
    expect(formatFromName('README')).toBeNull();
  });
});
