import type { CannedUpdateKind } from '@contract';
import { useState } from 'react';
import { useAllowed } from '../../shared/access';
import { useSandbox } from './context';

const CANNED: Array<{ kind: CannedUpdateKind; label: string }> = [
  { kind: 'command', label: 'Command (/start)' },
  { kind: 'text', label: 'Plain text' },
  { kind: 'callback', label: 'Button press (callback)' },
  { kind: 'edited', label: 'Edit my last message' },
  { kind: 'new_member', label: 'New member joins (groups)' },
  { kind: 'photo', label: 'Photo (placeholder)' },
];

/** Typical updates in one click, as the chosen user into the open chat. */
export function CannedBar() {
  const sendCanned = useSandbox((state) => state.sendCanned);
  const sending = useSandbox((state) => state.sending);
  const canSend = useAllowed('sandbox.send');
  const [kind, setKind] = useState<CannedUpdateKind>('command');
  return (
    <div className="canned-bar">
      <label className="inline-field">
        <span className="muted">Send an update</span>
        <select
          data-testid="sandbox-canned-kind"
          value={kind}
          onChange={(event) => setKind(event.target.value as CannedUpdateKind)}
        >
          {CANNED.map((item) => (
            <option key={item.kind} value={item.kind}>
              {item.label}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        className="button"
        data-testid="sandbox-canned-send"
        disabled={!canSend.allowed || sending}
        title={canSend.reason}
        onClick={() => void sendCanned(kind)}
      >
        Send
      </button>
    </div>
  );
}
