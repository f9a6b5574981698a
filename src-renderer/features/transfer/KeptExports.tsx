import { useEffect } from 'react';
import { ConfirmButton } from '../../components/ConfirmButton';
import { ErrorMessage } from '../../components/ErrorMessage';
import { SaveExportLink } from '../../components/SaveExportLink';
import { useAllowed } from '../../shared/access';
import { formatIso } from '../../shared/time';
import { formatDiskSize } from '../settings/storage';
import { useTransfer } from './context';

/**
 * The exports kept on disk: each is a copy of deliveries, so it says when it
 * goes by itself and can be deleted sooner.
 */
export function KeptExports() {
  const kept = useTransfer((state) => state.keptExports);
  const error = useTransfer((state) => state.keptExportsError?.message ?? null);
  const deleting = useTransfer((state) => state.deleting);
  const files = useTransfer((state) => state.files);
  const loadExports = useTransfer((state) => state.loadExports);
  const deleteExport = useTransfer((state) => state.deleteExport);
  const canDelete = useAllowed('export.delete');

  useEffect(() => {
    void loadExports();
  }, [loadExports]);

  if (kept === null && error === null) return null;
  return (
    <section className="kept-exports" data-testid="kept-exports" aria-label="Kept exports">
      <h3 className="form-label">Kept exports</h3>
      {error !== null && <ErrorMessage message={error} onRetry={() => void loadExports()} />}
      {kept !== null && kept.length === 0 && (
        <p className="muted small">None: exports are kept for 24 hours.</p>
      )}
      {kept !== null && kept.length > 0 && (
        <ul className="kept-export-list">
          {kept.map((item) => (
            <li key={item.file} data-testid="kept-export" data-file={item.file}>
              <span className="kept-export-name">
                {files === null ? (
                  item.file
                ) : (
                  <SaveExportLink testId="kept-export-save" files={files} file={item.file}>
                    {item.file}
                  </SaveExportLink>
                )}
              </span>
              <span className="muted small">
                {formatDiskSize(item.bytes)} · deleted by itself at {formatIso(item.expiresAt)}
              </span>
              <ConfirmButton
                label="Delete"
                question={`Delete ${item.file}?`}
                testId="kept-export-delete"
                busyLabel={deleting === item.file ? 'Deleting…' : null}
                disabled={!canDelete.allowed || deleting !== null}
                title={canDelete.reason}
                onConfirm={() => void deleteExport(item.file)}
              />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
