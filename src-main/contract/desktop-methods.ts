import { z } from 'zod';
import type { DesktopMethodName } from './desktop';
import { TransferFile, UploadedFile } from './transfer';

/** A file picked in the native open dialog, already copied in for `import.start`. */
export const PickedImport = UploadedFile.extend({
  /** The picked file's own name (no folder), for the progress line and the format guess. */
  name: z.string().min(1).max(255),
});
export type PickedImport = z.infer<typeof PickedImport>;

/** Where the export was saved; null when the user cancelled the dialog. */
export const SavedExport = z.object({ path: z.string().nullable() });
export type SavedExport = z.infer<typeof SavedExport>;

/** The desktop shell's own settings, kept in the data dir beside the window's bounds. */
export const DesktopPreferences = z.object({
  /** A system notification for new deliveries while the window is not focused (throttled). */
  notifyNewDeliveries: z.boolean(),
});
export type DesktopPreferences = z.infer<typeof DesktopPreferences>;

export const DEFAULT_DESKTOP_PREFERENCES: DesktopPreferences = { notifyNewDeliveries: false };

const NoInput = z.object({}).strict();

/** The desktop shell's methods: each input parsed before the shell acts on it, as for core's. */
export const desktopMethods = {
  'files.saveExport': { input: z.object({ file: TransferFile }).strict(), output: SavedExport },
  'files.openImport': { input: NoInput, output: z.object({ picked: PickedImport.nullable() }) },
  'desktop.preferences': { input: NoInput, output: DesktopPreferences },
  'desktop.setPreferences': { input: DesktopPreferences.partial().strict(), output: DesktopPreferences },
} satisfies Record<DesktopMethodName, { input: z.ZodType; output: z.ZodType }>;

type DesktopMethods = typeof desktopMethods;
export type DesktopInput<M extends DesktopMethodName> = z.input<DesktopMethods[M]['input']>;
export type DesktopOutput<M extends DesktopMethodName> = z.output<DesktopMethods[M]['output']>;

/** What the shell implements behind the desktop methods. */
export type DesktopService = {
  [M in DesktopMethodName]: (
    input: z.output<DesktopMethods[M]['input']>,
  ) => Promise<DesktopOutput<M>> | DesktopOutput<M>;
};
