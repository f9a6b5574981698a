import type { TransferFormat, TransferProgress } from '@contract';
import { type FormEvent, useId, useState } from 'react';
import { Checkbox } from '../../components/Checkbox';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { FormFooter, SubmitButton } from '../../components/FormFooter';
import { ProgressBar } from '../../components/ProgressBar';
import { SaveExportLink } from '../../components/SaveExportLink';
import { useAllowed } from '../../shared/access';
import { useDeliveries, useSelection } from '../deliveries/context';
import { formatCount } from '../deliveries/format';
import { useTransfer } from './context';
import { availableScopes, type ExportScope, exportInput } from './exportScope';
import { FormatSelect } from './FormatSelect';
import { KeptExports } from './KeptExports';
import './transfer.css';

/** Export to a file: NDJSON or HAR, of the ticked rows, the current filter or everything. */
export function ExportDialog({ onClose }: { onClose: () => void }) {
  const ticked = useSelection((state) => state.ticked);
  const filter = useDeliveries((state) => state.filter);
  const total = useDeliveries((state) => state.total);
  const startExport = useTransfer((state) => state.startExport);
  const starting = useTransfer((state) => state.exportStarting);
  const error = useTransfer((state) => state.exportError?.message ?? null);
  const job = useTransfer((state) => state.exportJob);
  const id = useId();

  const scopes = availableScopes({ ticked, filter });
  const [format, setFormat] = useState<TransferFormat>('ndjson');
  const [maskSignatures, setMaskSignatures] = useState(false);
  // The narrowest that applies: what the user was looking at when they asked.
  const [scope, setScope] = useState<ExportScope>(scopes[0] ?? 'all');
  const shownScope = scopes.includes(scope) ? scope : 'all';
  const labels: Record<ExportScope, string> = {
    selection: `Selection (${formatCount(ticked.size)})`,
    filter: `Current filter (${formatCount(total)})`,
    all: 'Everything',
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input = exportInput(format, shownScope, { ticked, filter });
    void startExport(maskSignatures ? { ...input, maskLinkSignatures: true } : input);
  };

  const busy = starting || job?.state === 'running';
  const canExport = useAllowed('export.start');
  return (
    <Dialog title="Export deliveries" onClose={onClose} testId="export-dialog">
      <form noValidate onSubmit={submit}>
        <FormatSelect id={`${id}-format`} testId="export-format" value={format} onChange={setFormat} />
        <Field htmlFor={`${id}-scope`} label="Deliveries">
          <select
            id={`${id}-scope`}
            data-testid="export-scope"
            value={shownScope}
            onChange={(event) => setScope(event.target.value as ExportScope)}
          >
            {scopes.map((value) => (
              <option key={value} value={value}>
                {labels[value]}
              </option>
            ))}
          </select>
        </Field>
        <p className="muted small">
          Credentials are masked in the file: headers such as Authorization, Cookie, X-Api-Key and the
          Telegram secret token (any name with token, secret, key or signature), and query parameters named
          like them.
        </p>
        <Checkbox
          className="check-row"
          testId="export-mask-sig"
          checked={maskSignatures}
          onChecked={setMaskSignatures}
        >
          {' '}
          Also mask <code>sig</code> of signed links (they can be run again until they expire; the file then
          cannot replay them)
        </Checkbox>
        <FormFooter error={{ error, testId: 'export-error' }}>
          <SubmitButton testId="export-start" allowed={canExport} disabled={busy}>
            {starting ? 'Starting…' : 'Start'}
          </SubmitButton>
        </FormFooter>
      </form>
      {job !== null && <ExportJob job={job} />}
      <KeptExports />
    </Dialog>
  );
}

function ExportJob({ job }: { job: TransferProgress }) {
  const files = useTransfer((state) => state.files);
  return (
    <div className="transfer-job" data-testid="export-progress" data-state={job.state}>
      <ProgressBar value={job.done} max={job.total} label="Export progress" testId="export-bar" />
      <p role="status" data-testid="export-status">
        {job.state === 'running' && `Writing ${formatCount(job.done)} of ${formatCount(job.total ?? 0)}…`}
        {job.state === 'finished' &&
          `Done: ${formatCount(job.done)} ${job.done === 1 ? 'delivery' : 'deliveries'} written.`}
        {job.state === 'failed' && (
          <span className="error-text">The export failed: {job.error ?? 'unknown error'}</span>
        )}
      </p>
      {job.state === 'finished' && job.file !== null && files !== null && (
        <SaveExportLink className="button primary" testId="export-download" files={files} file={job.file}>
          {files.kind === 'browser' ? `Download ${job.file}` : `Save ${job.file}`}
        </SaveExportLink>
      )}
    </div>
  );
}
