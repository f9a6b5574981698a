import { useRef } from 'react';
import { useStore } from 'zustand';
import { DeliveriesProvider } from '../features/deliveries/context';
import { DeliveryDetailPane } from '../features/deliveries/DeliveryDetailPane';
import { DeliveryList } from '../features/deliveries/DeliveryList';
import { EmptyState } from '../features/deliveries/EmptyState';
import { InboxesProvider } from '../features/inboxes/context';
import { AuthRequired } from './AuthRequired';
import { Header } from './Header';
import type { Stores } from './stores';
import { useSampleTarget } from './useSampleTarget';

export function App({ stores }: { stores: Stores }) {
  const unauthorized = useStore(stores.app, (state) => state.unauthorized);
  const info = useStore(stores.app, (state) => state.info);
  const connection = useStore(stores.app, (state) => state.connection);
  const reloadInfo = useStore(stores.app, (state) => state.reloadInfo);
  const inbox = useStore(stores.deliveries, (state) => state.inbox);
  const setInbox = useStore(stores.deliveries, (state) => state.setInbox);
  const sampleTarget = useSampleTarget(stores, info);
  const detailRef = useRef<HTMLElement>(null);

  if (unauthorized) return <AuthRequired />;

  const receiverUrl = info.status === 'ready' ? info.info.receiverUrl : null;
  return (
    <DeliveriesProvider store={stores.deliveries}>
      <InboxesProvider store={stores.inboxes}>
        <div className="app">
          <Header
            info={info}
            onRetryInfo={reloadInfo}
            connection={connection}
            inbox={inbox}
            onInboxChange={setInbox}
          />
          <main className="workspace">
            <DeliveryList
              onOpen={() => detailRef.current?.focus()}
              empty={<EmptyState url={sampleTarget} inbox={inbox} />}
            />
            <DeliveryDetailPane receiverUrl={receiverUrl} paneRef={detailRef} />
          </main>
        </div>
      </InboxesProvider>
    </DeliveriesProvider>
  );
}
