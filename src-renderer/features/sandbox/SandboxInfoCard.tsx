import { CopyButton } from '../../components/CopyButton';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useSandbox } from './context';

/** Where the sandbox bot lives and its token, for pointing a bot under development at it. */
export function SandboxInfoCard() {
  const info = useSandbox((state) => state.info);
  const error = useSandbox((state) => state.infoError?.message ?? null);

  if (error !== null) return <ErrorMessage message={`Could not read the sandbox's details: ${error}`} />;
  if (info === null) return <p className="note">Reading the sandbox's details…</p>;
  return (
    <div className="sandbox-info" data-testid="sandbox-info">
      <dl className="fields">
        <div className="field">
          <dt>Bot API</dt>
          <dd>
            <code data-testid="sandbox-url">{info.url}</code> <CopyButton text={info.url} label="Copy URL" />
          </dd>
        </div>
        <div className="field">
          <dt>Bot</dt>
          <dd data-testid="sandbox-username">@{info.username}</dd>
        </div>
        <div className="field">
          <dt>Token</dt>
          <dd>
            <code data-testid="sandbox-token">{info.token}</code>{' '}
            <CopyButton text={info.token} label="Copy token" testId="sandbox-token-copy" />
          </dd>
        </div>
      </dl>
      <p className="muted small">
        This token works only against this machine's sandbox: give your bot the URL above as its API base and
        it talks to the emulator here, never to a real platform.
      </p>
    </div>
  );
}
