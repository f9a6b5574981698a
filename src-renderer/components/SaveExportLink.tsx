import { useState } from 'react';
import type { FileTransfer } from '../api';
import { errorMessage } from '../api/errorMessage';

interface SaveExportLinkProps {
  files: FileTransfer;
  /** A file among the exports (core's name for it). */
  file: string;
  testId: string;
  className?: string;
  children: string;
}

/**
 * An export leaving the inspector: a download link in the browser, a button
 * opening the native save dialog on the desktop (which says where it went).
 */
export function SaveExportLink({ files, file, testId, className, children }: SaveExportLinkProps) {
  const [saving, setSaving] = useState(false);
  const [outcome, setOutcome] = useState<{ saved: string } | { error: string } | null>(null);

  if (files.kind === 'browser') {
    return (
      <a className={className} data-testid={testId} href={files.downloadUrl(file)} download={file}>
        {children}
      </a>
    );
  }

  const save = async () => {
    setSaving(true);
    setOutcome(null);
    try {
      const { path } = await files.saveExport(file);
      setOutcome(path === null ? null : { saved: path });
    } catch (error) {
      setOutcome({ error: errorMessage(error) });
    }
    setSaving(false);
  };

  return (
    <>
      <button
        type="button"
        className={className ?? 'link-button'}
        data-testid={testId}
        disabled={saving}
        onClick={() => void save()}
      >
        {saving ? 'Saving…' : `${children}…`}
      </button>
      {outcome !== null && 'saved' in outcome && (
        <span className="muted small" role="status" data-testid={`${testId}-saved`}>
          Saved to {outcome.saved}
        </span>
      )}
      {outcome !== null && 'error' in outcome && (
        <span className="error-text small" role="alert" data-testid={`${testId}-error`}>
          {outcome.error}
        </span>
      )}
    </>
  );
}
