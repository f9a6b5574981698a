import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { rm, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { ContractError, type DesktopService, uploadFileName, uploadLimit } from '@contract';

/** The two native dialogs, already bound to the window they belong to; fakes stand in for them in tests. */
export interface NativeDialogs {
  showSaveDialog(options: Electron.SaveDialogOptions): Promise<{ canceled: boolean; filePath?: string }>;
  showOpenDialog(options: Electron.OpenDialogOptions): Promise<{ canceled: boolean; filePaths: string[] }>;
}

export interface FileDialogDeps {
  dialogs: NativeDialogs;
  /** Core's exports and imports folders. */
  transferDir(kind: 'exports' | 'imports'): string;
  /** What the exports-and-uploads quota has left. */
  uploadRoom(): number;
  /** Where the save dialog starts (the user's Downloads folder). */
  downloadsDir: string;
}

const IMPORT_FILTERS = [
  { name: 'Deliveries (NDJSON, HAR)', extensions: ['ndjson', 'jsonl', 'har', 'json'] },
  { name: 'All files', extensions: ['*'] },
];

/**
 * The desktop's file transfer, where the web bridge has its download and
 * upload routes: the page names only a file core made (a schema-checked
 * name); every path on disk is one the user picked in a native dialog.
 */
export function createFileDialogs(
  deps: FileDialogDeps,
): Pick<DesktopService, 'files.saveExport' | 'files.openImport'> {
  return {
    async 'files.saveExport'({ file }) {
      const source = join(deps.transferDir('exports'), file);
      const found = await stat(source).catch(() => null);
      if (found === null || !found.isFile()) {
        throw new ContractError('not-found', `There is no export "${file}": it may have expired.`);
      }
      const isHar = file.endsWith('.har');
      const choice = await deps.dialogs.showSaveDialog({
        title: 'Save export',
        defaultPath: join(deps.downloadsDir, file),
        filters: [isHar ? { name: 'HAR', extensions: ['har'] } : { name: 'NDJSON', extensions: ['ndjson'] }],
      });
      if (choice.canceled || !choice.filePath) return { path: null };
      try {
        await pipeline(createReadStream(source), createWriteStream(choice.filePath));
      } catch (error) {
        // Half a file would pass for the export: take it away.
        await rm(choice.filePath, { force: true }).catch(() => {});
        throw new ContractError(
          'bad-input',
          `Could not save to ${choice.filePath}: ${(error as Error).message}`,
        );
      }
      return { path: choice.filePath };
    },

    async 'files.openImport'() {
      const choice = await deps.dialogs.showOpenDialog({
        title: 'Import deliveries',
        properties: ['openFile'],
        filters: IMPORT_FILTERS,
      });
      const picked = choice.filePaths[0];
      if (choice.canceled || picked === undefined) return { picked: null };
      const found = await stat(picked).catch(() => null);
      if (found === null || !found.isFile()) {
        throw new ContractError('bad-input', `${picked} is not a file that can be read.`);
      }
      const { limit, tooLarge } = uploadLimit(deps.uploadRoom());
      if (found.size > limit) throw new ContractError('bad-input', tooLarge);
      const name = basename(picked);
      const file = uploadFileName(name, randomUUID());
      const target = join(deps.transferDir('imports'), file);
      // At most one byte past the limit is read: a file that grew since stat is refused, not copied whole.
      try {
        await pipeline(
          createReadStream(picked, { start: 0, end: limit }),
          createWriteStream(target, { mode: 0o600 }),
        );
      } catch (error) {
        await rm(target, { force: true });
        throw new ContractError('bad-input', `Could not read ${picked}: ${(error as Error).message}`);
      }
      const size = (await stat(target)).size;
      if (size > limit) {
        await rm(target, { force: true });
        throw new ContractError('bad-input', tooLarge);
      }
      return { picked: { file, size, name: name.slice(0, 255) } };
    },
  };
}
