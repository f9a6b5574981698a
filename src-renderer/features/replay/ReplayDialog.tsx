import { useEffect, useRef, useState } from 'react';
import { Dialog } from '../../components/Dialog';
import { useReplay } from './context';
import { ReplayFormView } from './ReplayFormView';
import { ReplayProgressView } from './ReplayProgressView';
import { initialForm, type ReplayForm } from './replayForm';
import { editableBody, type ReplayScope, scopeLabel } from './scope';
import { DEFAULT_TARGET, scopeInbox } from './target';

/** Mounted once by the app: the dialog shows whenever the replay store has one open. */
export function ReplayDialogHost() {
  const dialog = useReplay((state) => state.dialog);
  const dialogKey = useReplay((state) => state.dialogKey);
  // Keyed by each opening: a new dialog starts from a fresh form (and the remembered target).
  return dialog === null ? null : <ReplayDialog key={dialogKey} scope={dialog} />;
}

function ReplayDialog({ scope }: { scope: ReplayScope }) {
  const job = useReplay((state) => state.job);
  const close = useReplay((state) => state.close);
  const loadTargets = useReplay((state) => state.loadTargets);
  // Held here rather than in the form, so "Replay again" after a run comes back to the same values.
  const [form, setForm] = useState<ReplayForm>(() => {
    const body = scope.kind === 'one' ? editableBody(scope.delivery) : null;
    return initialForm(DEFAULT_TARGET, body !== null && 'text' in body ? body.text : '');
  });
  /** Typed into before the remembered targets came: then the typing wins. */
  const targetTouched = useRef(false);
  const inbox = scopeInbox(scope);

  // The inbox's last target stands in for the default once the inspector says which it was.
  useEffect(() => {
    let current = true;
    void loadTargets(inbox).then((targets) => {
      const latest = targets[0];
      if (current && latest !== undefined && !targetTouched.current) {
        setForm((form) => ({ ...form, target: latest.url }));
      }
    });
    return () => {
      current = false;
    };
  }, [loadTargets, inbox]);

  const change = (patch: Partial<ReplayForm>) => {
    if (patch.target !== undefined) targetTouched.current = true;
    setForm((form) => ({ ...form, ...patch }));
  };

  return (
    <Dialog
      title={job === null ? `Replay ${scopeLabel(scope)}` : `Replay of ${scopeLabel(job.scope)}`}
      onClose={close}
      testId="replay-dialog"
      contentKey={job === null ? 'form' : job.progress.jobId}
    >
      {job === null ? (
        <ReplayFormView scope={scope} form={form} onChange={change} />
      ) : (
        <ReplayProgressView job={job} waiting={job.scope === scope ? null : scope} />
      )}
    </Dialog>
  );
}
