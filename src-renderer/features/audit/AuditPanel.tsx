import { useEffect } from 'react';
import { ErrorMessage } from '../../components/ErrorMessage';
import { SaveExportLink } from '../../components/SaveExportLink';
import { useAllowed } from '../../shared/access';
import { formatCount } from '../deliveries/format';
import { AuditFilters } from './AuditFilters';
import { AuditTable } from './AuditTable';
import { useAudit } from './context';
import './audit.css';

/** Every state-changing call on the team server: who, when, what, on what, and how it ended. */
export function AuditPanel() {
  const start = useAudit((state) => state.start);
  const stop = useAudit((state) => state.stop);
  const items = useAudit((state) => state.items);
  const total = useAudit((state) => state.total);
  const loaded = useAudit((state) => state.loaded);
  const loading = useAudit((state) => state.loading);
  const error = useAudit((state) => state.error?.message ?? null);
  const reload = useAudit((state) => state.reload);
  const loadOlder = useAudit((state) => state.loadOlder);

  useEffect(() => {
    start();
    return stop;
  }, [start, stop]);

  return (
    <section className="panel" data-testid="audit-panel" aria-label="Audit log">
      <header className="panel-header">
        <h2>Audit log</h2>
        <span className="muted">every change made on this team server, newest first</span>
        <span className="header-spacer" />
        <button type="button" className="button" data-testid="audit-refresh" onClick={reload}>
          Refresh
        </button>
        <AuditExport />
      </header>
      <div className="panel-body">
        <AuditFilters />
        {error !== null && (
          <ErrorMessage
            message={`The audit log failed to load: ${error}`}
            onRetry={reload}
            testId="audit-error"
          />
        )}
        {!loaded && error === null && <p className="note">Reading the audit log…</p>}
        {loaded && items.length === 0 && (
          <p className="note" data-testid="audit-empty">
            Nothing matches: no change was made, or the filter leaves none.
          </p>
        )}
        {items.length > 0 && (
          <>
            <p className="muted small" data-testid="audit-count" role="status">
              {formatCount(items.length)} of {formatCount(total)} {total === 1 ? 'entry' : 'entries'}
            </p>
            <AuditTable items={items} />
            {items.length < total && (
              <div className="form-actions">
                <button
                  type="button"
                  className="button"
                  data-testid="audit-older"
                  disabled={loading}
                  onClick={loadOlder}
                >
                  {loading ? 'Loading…' : 'Load older'}
                </button>
              </div>
            )}
          </>
        )}
      </div>
    </section>
  );
}

/** The filtered log as a file among the exports: made on the server, then downloaded like an export. */
function AuditExport() {
  const exportLog = useAudit((state) => state.exportLog);
  const exporting = useAudit((state) => state.exporting);
  const exported = useAudit((state) => state.exported);
  const exportError = useAudit((state) => state.exportError?.message ?? null);
  const files = useAudit((state) => state.files);
  const canExport = useAllowed('audit.export');

  return (
    <span className="audit-export">
      <button
        type="button"
        className="button"
        data-testid="audit-export"
        disabled={!canExport.allowed || exporting}
        title={canExport.reason ?? 'The entries the filter matches, as NDJSON'}
        onClick={() => void exportLog()}
      >
        {exporting ? 'Exporting…' : 'Export'}
      </button>
      {exported !== null &&
        (files === null ? (
          <span className="muted small" data-testid="audit-exported">
            Written as {exported} among the server's exports.
          </span>
        ) : (
          <SaveExportLink className="button primary" testId="audit-download" files={files} file={exported}>
            {files.kind === 'browser' ? `Download ${exported}` : `Save ${exported}`}
          </SaveExportLink>
        ))}
      {exportError !== null && (
        <span className="error-text small" role="alert" data-testid="audit-export-error">
          {exportError}
        </span>
      )}
    </span>
  );
}
