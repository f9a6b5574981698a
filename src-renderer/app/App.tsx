import type { DeliveryDetail } from '@contract';
import { DEFAULT_INBOX } from '@contract/inbox-rules';
import { type ReactNode, useRef } from 'react';
import { useStore } from 'zustand';
import { PanelBoundary } from '../components/ErrorBoundary';
import { Toaster } from '../components/toast/Toaster';
import { AuditPanel } from '../features/audit/AuditPanel';
import { CommandsPanel } from '../features/commands/CommandsPanel';
import { ComposePanel } from '../features/compose/ComposePanel';
import { linkTo } from '../features/deeplinks/hashRoute';
import { DeleteDeliveryButton } from '../features/delete/DeleteDeliveryButton';
import { DeleteListActions } from '../features/delete/DeleteListActions';
import { DeliveryDetailPane } from '../features/deliveries/DeliveryDetailPane';
import { DeliveryList } from '../features/deliveries/DeliveryList';
import { EmptyState } from '../features/deliveries/EmptyState';
import { DesktopSettings } from '../features/desktop/DesktopSettings';
import { useMenuCommands } from '../features/desktop/useMenuCommands';
import { SplitWorkspace } from '../features/layout/SplitWorkspace';
import { LinksPanel } from '../features/links/LinksPanel';
import { LogsPanel } from '../features/logs/LogsPanel';
import { PeoplePanel } from '../features/people/PeoplePanel';
import { ProfileGate } from '../features/profiles/ProfileGate';
import { ReplayDialogHost } from '../features/replay/ReplayDialog';
import { ReplayListActions } from '../features/replay/ReplayListActions';
import { ReplaysTab } from '../features/replay/ReplaysTab';
import { SandboxPanel } from '../features/sandbox/SandboxPanel';
import { SearchBar } from '../features/search/SearchBar';
import { SettingsPanel } from '../features/settings/SettingsPanel';
import { ShortcutsHelp } from '../features/shortcuts/ShortcutsHelp';
import { TransferActions } from '../features/transfer/TransferActions';
import { WebhookPanel } from '../features/webhook/WebhookPanel';
import { allowedFor, roleOf } from '../shared/access';
import { AuthRequired } from './AuthRequired';
import type { Stores } from './allStores';
import { Header } from './Header';
import { Navigation } from './Navigation';
import { Providers } from './Providers';
import { StoreBanner } from './StoreBanner';
import { useDeepLink } from './useDeepLink';
import { useSampleTarget } from './useSampleTarget';
import { useUnseenTitle } from './useUnseenTitle';
import type { WorkspaceWhere } from './WorkspaceLabel';

interface AppProps {
  stores: Stores;
  /** Where the stores' data comes from; by default the inspector that served this page. */
  where?: WorkspaceWhere;
  /** The workspace switcher, where the app can open team servers. */
  switcher?: ReactNode;
}

export function App({ stores, where = pageWhere(), switcher }: AppProps) {
  const unauthorized = useStore(stores.app, (state) => state.unauthorized);
  const info = useStore(stores.app, (state) => state.info);
  const whoami = useStore(stores.app, (state) => state.whoami);
  const connection = useStore(stores.app, (state) => state.connection);
  const storeStatus = useStore(stores.app, (state) => state.store);
  const reloadInfo = useStore(stores.app, (state) => state.reloadInfo);
  const inbox = useStore(stores.deliveries, (state) => state.filter.inbox ?? null);
  const setInbox = useStore(stores.deliveries, (state) => state.setInbox);
  // The delivery open in the detail pane, once read: what the bot panels act on.
  const selectedDelivery = useStore(stores.deliveryDetail, (state) =>
    state.detail.status === 'ready' ? state.detail.delivery : null,
  );
  const view = useStore(stores.navigation, (state) => state.view);
  const show = useStore(stores.navigation, (state) => state.show);
  const sampleTarget = useSampleTarget(stores, info);
  useDeepLink(stores);
  useUnseenTitle(stores);
  const detailRef = useRef<HTMLElement>(null);
  const role = roleOf(whoami);
  const teamAdmin = role !== null && allowedFor(role, 'audit.list').allowed;
  useMenuCommands(stores);

  if (unauthorized) return <AuthRequired where={where} switcher={switcher} />;

  const receiverUrl = info.status === 'ready' ? info.info.receiverUrl : null;

  const reply = (delivery: DeliveryDetail) => {
    stores.compose.getState().replyTo(delivery);
    show('compose');
  };

  const replay = (delivery: DeliveryDetail) => stores.replay.getState().open({ kind: 'one', delivery });

  const openDelivery = (id: number) => {
    stores.selection.getState().open(id);
    show('deliveries');
  };

  return (
    <Providers stores={stores}>
      <div className="app">
        <Header
          info={info}
          onRetryInfo={reloadInfo}
          connection={connection}
          inbox={inbox}
          onInboxChange={setInbox}
          where={where}
          whoami={whoami}
          switcher={switcher}
        />
        <StoreBanner status={storeStatus} />
        <Navigation view={view} onChange={show} teamAdmin={teamAdmin} />
        {view === 'deliveries' ? (
          <SplitWorkspace
            list={
              <PanelBoundary name="deliveries list">
                <DeliveryList
                  onOpen={() => detailRef.current?.focus()}
                  renderSearch={(focusList) => (
                    <SearchBar
                      onLeave={focusList}
                      linkTo={(filter) => linkTo({ deliveryId: null, filter })}
                    />
                  )}
                  empty={<EmptyState url={sampleTarget} inbox={inbox} />}
                  headerActions={
                    <>
                      <ReplayListActions />
                      <TransferActions />
                      <DeleteListActions />
                    </>
                  }
                />
              </PanelBoundary>
            }
            detail={
              <PanelBoundary name="delivery detail">
                <DeliveryDetailPane
                  receiverUrl={receiverUrl}
                  paneRef={detailRef}
                  onReply={reply}
                  onReplay={replay}
                  renderReplays={(delivery) => <ReplaysTab delivery={delivery} />}
                  renderActions={(delivery) => <DeleteDeliveryButton delivery={delivery} />}
                  linkTo={(delivery) =>
                    linkTo({ deliveryId: delivery.id, filter: stores.deliveries.getState().filter })
                  }
                />
              </PanelBoundary>
            }
          />
        ) : (
          // One boundary per view: a panel that fails says so in place, and the others keep working.
          <PanelBoundary name={`${view} panel`} resetKey={view}>
            <main className="panel-view">
              {/* Keyed by profile: a switch starts the panel afresh, with its own form and polling. */}
              {view === 'webhook' && (
                <ProfileGate>
                  {(profile) => <WebhookPanel key={profile.id} profile={profile} receiverUrl={receiverUrl} />}
                </ProfileGate>
              )}
              {view === 'compose' && (
                <ProfileGate>
                  {(profile) => (
                    <ComposePanel
                      key={profile.id}
                      profile={profile}
                      selectedDelivery={selectedDelivery}
                      onOpenDelivery={openDelivery}
                    />
                  )}
                </ProfileGate>
              )}
              {view === 'logs' && (
                <ProfileGate>{(profile) => <LogsPanel key={profile.id} profile={profile} />}</ProfileGate>
              )}
              {view === 'sandbox' && <SandboxPanel />}
              {view === 'commands' && <CommandsPanel />}
              {view === 'links' && (
                <ProfileGate>
                  {(profile) => (
                    <LinksPanel key={profile.id} profile={profile} selectedDelivery={selectedDelivery} />
                  )}
                </ProfileGate>
              )}
              {view === 'people' && teamAdmin && <PeoplePanel />}
              {view === 'audit' && teamAdmin && <AuditPanel />}
              {view === 'settings' && (
                <>
                  <SettingsPanel
                    listInbox={inbox}
                    defaultInbox={info.status === 'ready' ? info.info.defaultInbox : DEFAULT_INBOX}
                    onInboxDeleted={(name) => {
                      // The list was showing the inbox that is gone: show them all.
                      if (inbox === name) setInbox(null);
                    }}
                  />
                  <DesktopSettings store={stores.desktop} />
                </>
              )}
            </main>
          </PanelBoundary>
        )}
        {/* Outside the views: a replay started from the list keeps its dialog whichever view is shown. */}
        <PanelBoundary name="replay dialog">
          <ReplayDialogHost />
        </PanelBoundary>
        <Toaster />
        <ShortcutsHelp />
      </div>
    </Providers>
  );
}

function pageWhere(): WorkspaceWhere {
  return { host: window.location.host, server: false };
}
