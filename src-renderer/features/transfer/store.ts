import type { ExportFile, ExportInput, TransferFormat, TransferProgress } from '@contract';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ApiClient, FileTransfer, Upload } from '../../api';
import { type CallError, localError, toCallError } from '../../api/callError';
import { laterProgress, RecentProgress } from '../../shared/jobProgress';

/** What the transfer store needs: calls, events, and the transport's file routes. */
export type TransferClient = Pick<ApiClient, 'call' | 'on' | 'files'>;

/** Where an import is before its job reports: the file goes up first, then `import.start` names it. */
export type ImportStep = 'idle' | 'uploading' | 'starting' | 'job';

/**
 * What to import: a file the browser holds (uploaded first), or one the
 * desktop's open dialog already copied in.
 */
export type ImportSource =
  | { kind: 'blob'; blob: Blob; name: string }
  | { kind: 'picked'; upload: Upload; name: string };

/** Which dialog the menu (or a shortcut) asked for; TransferActions opens it. */
export type TransferDialog = 'export' | 'import';

export interface TransferState {
  /** Browser routes or native dialogs; null where the transport has neither. */
  files: FileTransfer | null;
  /** A dialog asked for from outside the list header (the desktop's menu). */
  requested: TransferDialog | null;

  exportJob: TransferProgress | null;
  exportStarting: boolean;
  /** Why `export.start` was refused; a failed job says why in `exportJob.error`. */
  exportError: CallError | null;

  /** The exports kept on disk until they expire; null until read. */
  keptExports: ExportFile[] | null;
  keptExportsError: CallError | null;
  /** The export being deleted, while its call runs. */
  deleting: string | null;

  importStep: ImportStep;
  /** The file's name and size as uploaded, for the progress line. */
  upload: (Upload & { name: string }) | null;
  importJob: TransferProgress | null;
  /** Why the upload or `import.start` failed; a failed job says why in `importJob.error`. */
  importError: CallError | null;

  /** Follows `transfer.progress`; idempotent. */
  start(): void;
  stop(): void;
  startExport(input: ExportInput): Promise<boolean>;
  loadExports(): Promise<void>;
  deleteExport(file: string): Promise<void>;
  startImport(source: ImportSource, format: TransferFormat, inbox: string | null): Promise<boolean>;
  request(dialog: TransferDialog | null): void;
  /** Forgets an ended import, for another one. */
  resetImport(): void;
}

export type TransferStore = StoreApi<TransferState>;

const running = (job: TransferProgress | null) => job !== null && job.state === 'running';

export function createTransferStore(client: TransferClient): TransferStore {
  let unsubscribe: (() => void) | null = null;
  const early = new RecentProgress<TransferProgress>();

  return createStore<TransferState>()((set, get) => {
    const receive = (progress: TransferProgress) => {
      const { exportJob, importJob } = get();
      if (progress.kind === 'export' && exportJob?.jobId === progress.jobId) {
        set({ exportJob: laterProgress(exportJob, progress) });
        // A finished export is one more kept file.
        if (progress.state !== 'running') void get().loadExports();
      } else if (progress.kind === 'import' && importJob?.jobId === progress.jobId) {
        set({ importJob: laterProgress(importJob, progress) });
      } else {
        // Possibly a job whose start call has not been answered yet.
        early.remember(progress);
      }
    };

    return {
      files: client.files,
      requested: null,
      exportJob: null,
      exportStarting: false,
      exportError: null,
      keptExports: null,
      keptExportsError: null,
      deleting: null,
      importStep: 'idle',
      upload: null,
      importJob: null,
      importError: null,

      start() {
        unsubscribe ??= client.on('transfer.progress', receive);
      },

      stop() {
        unsubscribe?.();
        unsubscribe = null;
      },

      async startExport(input) {
        if (get().exportStarting || running(get().exportJob)) return false;
        get().start();
        set({ exportStarting: true, exportError: null });
        try {
          const answer = await client.call('export.start', input);
          set({ exportStarting: false, exportJob: early.settle(answer) });
          return true;
        } catch (error) {
          set({ exportStarting: false, exportError: toCallError(error) });
          return false;
        }
      },

      async loadExports() {
        try {
          const { items } = await client.call('export.list', {});
          set({ keptExports: items, keptExportsError: null });
        } catch (error) {
          set({ keptExportsError: toCallError(error) });
        }
      },

      async deleteExport(file) {
        if (get().deleting !== null) return;
        set({ deleting: file, keptExportsError: null });
        try {
          await client.call('export.delete', { file });
        } catch (error) {
          set({ keptExportsError: toCallError(error, `Could not delete ${file}`) });
        }
        set({ deleting: null });
        await get().loadExports();
      },

      request(dialog) {
        set({ requested: dialog });
      },

      async startImport(source, format, inbox) {
        const { files, importStep, importJob } = get();
        if (files === null || importStep === 'uploading' || importStep === 'starting' || running(importJob)) {
          return false;
        }
        const { name } = source;
        get().start();
        set({ importStep: 'uploading', upload: null, importJob: null, importError: null });
        let upload: Upload;
        if (source.kind === 'picked') {
          upload = source.upload;
        } else if (files.kind === 'browser') {
          try {
            upload = await files.upload(source.blob, name);
          } catch (error) {
            set({ importStep: 'idle', importError: toCallError(error, 'The upload failed') });
            return false;
          }
        } else {
          set({ importStep: 'idle', importError: localError('Choose the file with “Choose file…”.') });
          return false;
        }
        set({ importStep: 'starting', upload: { ...upload, name } });
        try {
          const answer = await client.call('import.start', {
            format,
            file: upload.file,
            ...(inbox === null ? {} : { inbox }),
          });
          set({ importStep: 'job', importJob: early.settle(answer) });
          return true;
        } catch (error) {
          set({ importStep: 'idle', importError: toCallError(error) });
          return false;
        }
      },

      resetImport() {
        if (get().importStep === 'uploading' || get().importStep === 'starting' || running(get().importJob))
          return;
        set({ importStep: 'idle', upload: null, importJob: null, importError: null });
      },
    };
  });
}
