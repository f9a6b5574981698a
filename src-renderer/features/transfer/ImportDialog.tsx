import type { TransferFormat } from '@contract';
import { type FormEvent, useId, useState } from 'react';
import { Dialog } from '../../components/Dialog';
import { useAllowed } from '../../shared/access';
import { useInboxes } from '../inboxes/context';
import { useTransfer } from './context';
import { FormatSelect } from './FormatSelect';
import { formatFromName, IMPORT_ACCEPT } from './formats';
import { ImportProgress } from './ImportProgress';

/** Import an NDJSON or HAR file: uploaded to the bridge, then read in by `import.start`. */
export function ImportDialog({ onClose }: { onClose: () => void }) {
  const inboxes = useInboxes((state) => state.items);
  const startImport = useTransfer((state) => state.startImport);
  const resetImport = useTransfer((state) => state.resetImport);
  const step = useTransfer((state) => state.importStep);
  const job = useTransfer((state) => state.importJob);
  const error = useTransfer((state) => state.importError);
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  const [format, setFormat] = useState<TransferFormat>('ndjson');
  const [inbox, setInbox] = useState('');

  const pick = (picked: File | null) => {
    setFile(picked);
    // The name decides the format unless it says nothing; the select can still override it.
    const guessed = picked === null ? null : formatFromName(picked.name);
    if (guessed !== null) setFormat(guessed);
    resetImport();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (file !== null) void startImport(file, file.name, format, inbox === '' ? null : inbox);
  };

  const busy = step === 'uploading' || step === 'starting' || job?.state === 'running';
  const canImport = useAllowed('import.start');
  return (
    <Dialog title="Import deliveries" onClose={onClose} testId="import-dialog">
      <form noValidate onSubmit={submit}>
        <div className="form-row">
          <label className="form-label" htmlFor={`${id}-file`}>
            File
          </label>
          <input
            id={`${id}-file`}
            type="file"
            data-testid="import-file"
            accept={IMPORT_ACCEPT}
            disabled={busy}
            onChange={(event) => pick(event.target.files?.[0] ?? null)}
          />
        </div>
        <FormatSelect
          id={`${id}-format`}
          testId="import-format"
          value={format}
          onChange={setFormat}
          disabled={busy}
        />
        <div className="form-row">
          <label className="form-label" htmlFor={`${id}-inbox`}>
            Into inbox
          </label>
          <select
            id={`${id}-inbox`}
            data-testid="import-inbox"
            value={inbox}
            disabled={busy}
            onChange={(event) => setInbox(event.target.value)}
          >
            <option value="">Keep each delivery's inbox</option>
            {inboxes.map((item) => (
              <option key={item.name} value={item.name}>
                {item.name}
              </option>
            ))}
          </select>
        </div>
        <p className="muted small">
          Deliveries already stored (same time, inbox, request and body) are skipped.
        </p>
        {error !== null && (
          <p className="error-text" role="alert" data-testid="import-error">
            {error}
          </p>
        )}
        <div className="form-actions">
          <button
            type="submit"
            className="button primary"
            data-testid="import-start"
            disabled={!canImport.allowed || file === null || busy}
            title={canImport.reason}
          >
            Start
          </button>
        </div>
      </form>
      <ImportProgress />
    </Dialog>
  );
}
