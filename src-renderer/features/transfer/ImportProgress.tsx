import { ProgressBar } from '../../components/ProgressBar';
import { formatBytes, formatCount } from '../deliveries/format';
import { useTransfer } from './context';

/**
 * Where the import is. The upload is one fetch, which reports no progress of
 * its own, and an import's total is known only at its end: both show an
 * indeterminate bar, with what is known said in words.
 */
export function ImportProgress() {
  const step = useTransfer((state) => state.importStep);
  const upload = useTransfer((state) => state.upload);
  const job = useTransfer((state) => state.importJob);
  if (step === 'idle') return null;

  const finished = job !== null && job.state === 'finished';
  let text: string;
  if (step === 'uploading') text = 'Uploading the file…';
  else if (step === 'starting' || job === null) {
    text = `Uploaded ${upload === null ? '' : `${upload.name} (${formatBytes(upload.size)})`}; starting the import…`;
  } else {
    const counts = `${formatCount(job.imported)} imported · ${formatCount(job.skipped)} skipped (already there)`;
    text = job.state === 'running' ? `Read ${formatCount(job.done)} · ${counts}` : counts;
  }

  return (
    <div className="transfer-job" data-testid="import-progress" data-state={job?.state ?? step}>
      {job?.state !== 'failed' && (
        <ProgressBar
          value={finished ? job.done : null}
          max={finished ? job.done : null}
          label="Import progress"
          testId="import-bar"
        />
      )}
      <p role="status" data-testid="import-status">
        {job?.state === 'finished' && 'Done: '}
        {text}
      </p>
      {job?.state === 'failed' && (
        <p className="error-text" role="alert" data-testid="import-failed">
          The import failed: {job.error ?? 'unknown error'}. What was read before that was kept.
        </p>
      )}
    </div>
  );
}
