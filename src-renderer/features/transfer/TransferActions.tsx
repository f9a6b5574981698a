import { useEffect, useId, useState } from 'react';
import { useAllowed } from '../../shared/access';
import { useTransfer } from './context';
import { ExportDialog } from './ExportDialog';
import { ImportDialog } from './ImportDialog';

/** Export and Import in the list header; disabled with the reason beside them where no file can move. */
export function TransferActions() {
  const available = useTransfer((state) => state.files !== null);
  const requested = useTransfer((state) => state.requested);
  const request = useTransfer((state) => state.request);
  const [open, setOpen] = useState<'export' | 'import' | null>(null);
  const canExport = useAllowed('export.start');
  const canImport = useAllowed('import.start');
  const noteId = useId();
  const why = available ? undefined : noteId;

  // The desktop's File menu (and its shortcuts) asks for a dialog through the store.
  useEffect(() => {
    if (requested === null) return;
    request(null);
    const allowed = requested === 'export' ? canExport.allowed : canImport.allowed;
    if (available && allowed) setOpen(requested);
  }, [requested, request, available, canExport.allowed, canImport.allowed]);

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
          This connection cannot move files: open the inspector in its own window or browser tab.
        </span>
      )}
      {open === 'export' && <ExportDialog onClose={() => setOpen(null)} />}
      {open === 'import' && <ImportDialog onClose={() => setOpen(null)} />}
    </>
  );
}
