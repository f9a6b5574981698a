import type { Whoami } from '@contract';
import type { ReactNode } from 'react';
import type { ConnectionStatus } from '../api';
import { InboxFilter } from '../features/inboxes/InboxFilter';
import { NewInbox } from '../features/inboxes/NewInbox';
import { ProfileSelect } from '../features/profiles/ProfileSelect';
import type { InfoState } from './appStore';
import { ConnectionIndicator } from './ConnectionIndicator';
import { WorkspaceLabel, type WorkspaceWhere } from './WorkspaceLabel';

interface HeaderProps {
  info: InfoState;
  onRetryInfo: () => void;
  connection: ConnectionStatus;
  inbox: string | null;
  onInboxChange: (inbox: string | null) => void;
  where: WorkspaceWhere;
  whoami: Whoami | null;
  /** Where the app can open other workspaces (team servers): the control to switch. */
  switcher?: ReactNode;
}

export function Header({
  info,
  onRetryInfo,
  connection,
  inbox,
  onInboxChange,
  where,
  whoami,
  switcher,
}: HeaderProps) {
  return (
    <header className="app-header">
      <h1 className="product">Bot Webhook Inspector</h1>
      <WorkspaceLabel where={where} whoami={whoami} />
      {switcher}
      <span className="receiver" data-testid="receiver-url">
        {info.status === 'ready' && (
          <>
            <span className="muted">Receiver</span> <code>{info.info.receiverUrl}</code>
          </>
        )}
        {info.status === 'loading' && <span className="muted">Reading the receiver's address…</span>}
        {info.status === 'error' && (
          <span className="error-text" role="alert">
            Could not read the app info: {info.error.message}{' '}
            <button type="button" className="link-button" onClick={onRetryInfo}>
              Retry
            </button>
          </span>
        )}
      </span>
      <span className="header-spacer" />
      <ProfileSelect />
      <InboxFilter value={inbox} onChange={onInboxChange} />
      <NewInbox onCreated={onInboxChange} />
      <ConnectionIndicator status={connection} />
    </header>
  );
}
