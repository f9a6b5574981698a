import { useId, useState } from 'react';
import { useAllowed } from '../../shared/access';
import { useTransfer } from './context';
import { ExportDialog } from './ExportDialog';
import { ImportDialog } from './ImportDialog';

/** Export and Import in the list header; on the desktop, disabled with the reason beside them. */
export function TransferActions() {
  const available = useTransfer((state) => state.files !== null);
  const [open, setOpen] = useState<'export' | 'import' | null>(null);
  const canExport = useAllowed('export.start');
  const canImport = useAllowed('import.start');
  const noteId = useId();
  const why = available ? undefined : noteId;

  return (
    <>
      <button
        type="button"
        className="button"
        data-testid="export-open"
        disabled={!available || !canExport.allowed}
        title={canExport.reason}
        aria-describedby={why}
        onClick={() => setOpen('export')}
      >
        Export
      </button>
      <button
        type="button"
        className="button"
        data-testid="import-open"
        disabled={!available || !canImport.allowed}
        title={canImport.reason}
        aria-describedby={why}
        onClick={() => setOpen('import')}
      >
        Import
      </button>
      {!available && (
        <span className="muted small" id={noteId} data-testid="transfer-unavailable">
          Browser UI only for now (npm run serve): the desktop app cannot download or upload files yet.
        </span>
      )}
      {open === 'export' && <ExportDialog onClose={() => setOpen(null)} />}
      {open === 'import' && <ImportDialog onClose={() => setOpen(null)} />}
    </>
  );
}
