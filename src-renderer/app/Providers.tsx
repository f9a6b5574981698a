import { type ReactNode, useMemo } from 'react';
import { useStore } from 'zustand';
import { auditSlot } from '../features/audit/context';
import { captureSlot } from '../features/capture/context';
import { commandsSlot } from '../features/commands/context';
import { composeSlot } from '../features/compose/context';
import { deleteSlot } from '../features/delete/context';
import { deliveryDetailSlot, deliveryListSlot, deliverySelectionSlot } from '../features/deliveries/context';
import { followSlot } from '../features/deliveries/follow';
import { inboxesSlot } from '../features/inboxes/context';
import { linksSlot } from '../features/links/context';
import { logsSlot } from '../features/logs/context';
import { peopleSlot } from '../features/people/context';
import { profilesSlot } from '../features/profiles/context';
import { replayAttemptsSlot, replaySlot } from '../features/replay/context';
import { sandboxSlot } from '../features/sandbox/context';
import { settingsSlot } from '../features/settings/context';
import { transferSlot } from '../features/transfer/context';
import { webhookSlot } from '../features/webhook/context';
import { RoleProvider, roleOf } from '../shared/access';
import { type ProvidedStore, provide, StoresProvider } from '../shared/storeContext';
import type { Stores } from './allStores';

/** Every feature's store in its slot: `provide` checks that each slot gets a store of its own shape. */
const provideAll = (stores: Stores): ProvidedStore[] => [
  provide(deliveryListSlot, stores.deliveries),
  provide(deliveryDetailSlot, stores.deliveryDetail),
  provide(deliverySelectionSlot, stores.selection),
  provide(followSlot, stores.follow),
  provide(deleteSlot, stores.delete),
  provide(inboxesSlot, stores.inboxes),
  provide(profilesSlot, stores.profiles),
  provide(webhookSlot, stores.webhook),
  provide(composeSlot, stores.compose),
  provide(logsSlot, stores.logs),
  provide(sandboxSlot, stores.sandbox),
  provide(commandsSlot, stores.commands),
  provide(linksSlot, stores.links),
  provide(replaySlot, stores.replay),
  provide(replayAttemptsSlot, stores.replayAttempts),
  provide(transferSlot, stores.transfer),
  provide(settingsSlot, stores.settings),
  provide(peopleSlot, stores.people),
  provide(auditSlot, stores.audit),
  provide(captureSlot, stores.capture),
];

/**
 * Every feature's store, handed to its components through one context, and
 * the person's role, which every control that changes something checks.
 */
export function Providers({ stores, children }: { stores: Stores; children: ReactNode }) {
  const role = useStore(stores.app, (state) => roleOf(state.whoami));
  const provided = useMemo(() => provideAll(stores), [stores]);
  return (
    <RoleProvider role={role}>
      <StoresProvider stores={provided}>{children}</StoresProvider>
    </RoleProvider>
  );
}
