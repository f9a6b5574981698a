import type { TransferFormat } from '@contract';
import { type FormEvent, useId, useState } from 'react';
import { errorMessage } from '../../api/errorMessage';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { FormFooter, SubmitButton } from '../../components/FormFooter';
import { useAllowed } from '../../shared/access';
import { useInboxes } from '../inboxes/context';
import { useTransfer } from './context';
import { FormatSelect } from './FormatSelect';
import { formatFromName, IMPORT_ACCEPT } from './formats';
import { ImportProgress } from './ImportProgress';
import type { ImportSource } from './store';
import './transfer.css';

/** Import an NDJSON or HAR file: uploaded to the bridge, then read in by `import.start`. */
export function ImportDialog({ onClose }: { onClose: () => void }) {
  const inboxes = useInboxes((state) => state.items);
  const startImport = useTransfer((state) => state.startImport);
  const resetImport = useTransfer((state) => state.resetImport);
  const step = useTransfer((state) => state.importStep);
  const job = useTransfer((state) => state.importJob);
  const error = useTransfer((state) => state.importError?.message ?? null);
  const files = useTransfer((state) => state.files);
  const id = useId();
  const [file, setFile] = useState<ImportSource | null>(null);
  const [picking, setPicking] = useState(false);
  const [pickError, setPickError] = useState<string | null>(null);
  const [format, setFormat] = useState<TransferFormat>('ndjson');
  const [inbox, setInbox] = useState('');

  const pick = (picked: ImportSource | null) => {
    setFile(picked);
    // The name decides the format unless it says nothing; the select can still override it.
    const guessed = picked === null ? null : formatFromName(picked.name);
    if (guessed !== null) setFormat(guessed);
    resetImport();
  };

  // The desktop: the main process shows the open dialog and copies the file in.
  const pickNative = async () => {
    if (files?.kind !== 'native') return;
    setPicking(true);
    setPickError(null);
    try {
      const picked = await files.openImport();
      if (picked !== null) pick({ kind: 'picked', upload: picked, name: picked.name });
    } catch (error) {
      setPickError(errorMessage(error));
    }
    setPicking(false);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (file !== null) void startImport(file, format, inbox === '' ? null : inbox);
  };

  const busy = step === 'uploading' || step === 'starting' || job?.state === 'running';
  const canImport = useAllowed('import.start');
  return (
    <Dialog title="Import deliveries" onClose={onClose} testId="import-dialog">
      <form noValidate onSubmit={submit}>
        <Field htmlFor={`${id}-file`} label="File">
          {files?.kind === 'native' ? (
            <span className="inline-field">
              <button
                id={`${id}-file`}
                type="button"
                className="button"
                data-testid="import-choose"
                disabled={busy || picking}
                onClick={() => void pickNative()}
              >
                Choose file…
              </button>
              <span className="muted small" data-testid="import-chosen">
                {file?.name ?? 'No file chosen'}
              </span>
            </span>
          ) : (
            <input
              id={`${id}-file`}
              type="file"
              data-testid="import-file"
              accept={IMPORT_ACCEPT}
              disabled={busy}
              onChange={(event) => {
                const chosen = event.target.files?.[0];
                pick(chosen === undefined ? null : { kind: 'blob', blob: chosen, name: chosen.name });
              }}
            />
          )}
        </Field>
        <FormatSelect
          id={`${id}-format`}
          testId="import-format"
          value={format}
          onChange={setFormat}
          disabled={busy}
        />
        <Field htmlFor={`${id}-inbox`} label="Into inbox">
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
        </Field>
        <p className="muted small">
          Deliveries already stored (same time, inbox, request and body) are skipped.
        </p>
        <FormFooter error={{ error: error ?? pickError, testId: 'import-error' }}>
          <SubmitButton testId="import-start" allowed={canImport} disabled={file === null || busy}>
            Start
          </SubmitButton>
        </FormFooter>
      </form>
      <ImportProgress />
    </Dialog>
  );
}
