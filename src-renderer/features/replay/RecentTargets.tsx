import type { ReplayTarget } from '@contract';
import { type FormEvent, useState } from 'react';
import { useAllowed } from '../../shared/access';
import { matches } from '../shortcuts/registry';
import { useReplay } from './context';

interface RecentTargetsProps {
  /** The target in the field: its entry is marked. */
  current: string;
  onPick: (url: string) => void;
}

/** The targets replays went to from this inbox, kept by the inspector: pick one, name it, or forget it. */
export function RecentTargets({ current, onPick }: RecentTargetsProps) {
  const targets = useReplay((state) => state.targets);
  const error = useReplay((state) => state.targetsError?.message ?? null);
  const canName = useAllowed('replay.nameTarget');
  const [naming, setNaming] = useState<string | null>(null);

  if (targets.length === 0 && error === null) return null;
  return (
    <div className="recent-targets" data-testid="replay-recent-targets">
      {targets.length > 0 && (
        <ul aria-label="Recent targets">
          {targets.map((target) => (
            <li key={`${target.inbox} ${target.url}`} data-testid="replay-recent-target">
              {naming === target.url ? (
                <NameForm target={target} onDone={() => setNaming(null)} />
              ) : (
                <>
                  <button
                    type="button"
                    className="link-button"
                    data-testid="replay-recent-pick"
                    aria-pressed={target.url === current.trim()}
                    title={target.url}
                    onClick={() => onPick(target.url)}
                  >
                    {target.name === null ? target.url : <strong>{target.name}</strong>}
                  </button>
                  {target.name !== null && <code className="muted small">{target.url}</code>}
                  <button
                    type="button"
                    className="link-button small"
                    data-testid="replay-recent-name"
                    disabled={!canName.allowed}
                    title={canName.reason}
                    onClick={() => setNaming(target.url)}
                  >
                    {target.name === null ? 'Name' : 'Rename'}
                  </button>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {error !== null && (
        <p className="error-text small" role="alert" data-testid="replay-targets-error">
          {error}
        </p>
      )}
    </div>
  );
}

function NameForm({ target, onDone }: { target: ReplayTarget; onDone: () => void }) {
  const nameTarget = useReplay((state) => state.nameTarget);
  const forgetTarget = useReplay((state) => state.forgetTarget);
  const [name, setName] = useState(target.name ?? '');
  const trimmed = name.trim();
  const problem = trimmed.length > 60 ? 'A name is at most 60 characters.' : null;

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (problem !== null) return;
    // An emptied name takes the name away rather than storing "".
    if (await nameTarget(target, trimmed === '' ? null : trimmed)) onDone();
  };

  // Not a <form>: it sits inside the replay form, and forms do not nest.
  return (
    <span className="target-name-form">
      <input
        type="text"
        aria-label={`Name for ${target.url}`}
        data-testid="replay-target-name"
        value={name}
        maxLength={80}
        placeholder="e.g. staging bot"
        aria-invalid={problem === null ? undefined : true}
        onChange={(event) => setName(event.target.value)}
        onKeyDown={(event) => {
          // Enter here names the target; left alone it would submit the replay form around it.
          if (matches('replayTarget.save', event)) void save(event);
          if (matches('replayTarget.cancel', event)) {
            // The dialog itself closes on Escape otherwise.
            event.stopPropagation();
            onDone();
          }
        }}
      />
      <button
        type="button"
        className="button small"
        data-testid="replay-target-name-save"
        disabled={problem !== null}
        onClick={(event) => void save(event)}
      >
        Save
      </button>
      <button type="button" className="link-button small" onClick={onDone}>
        Cancel
      </button>
      <button
        type="button"
        className="link-button small danger-text"
        data-testid="replay-target-forget"
        onClick={() => void forgetTarget(target).then(onDone)}
      >
        Forget
      </button>
      {problem !== null && <span className="error-text small">{problem}</span>}
    </span>
  );
}
