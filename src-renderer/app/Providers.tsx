import type { ReactNode } from 'react';
import { useStore } from 'zustand';
import { AuditProvider } from '../features/audit/context';
import { CommandsProvider } from '../features/commands/context';
import { ComposeProvider } from '../features/compose/context';
import { DeleteProvider } from '../features/delete/context';
import { DeliveriesProvider } from '../features/deliveries/context';
import { FollowProvider } from '../features/deliveries/follow';
import { InboxesProvider } from '../features/inboxes/context';
import { LinksProvider } from '../features/links/context';
import { LogsProvider } from '../features/logs/context';
import { PeopleProvider } from '../features/people/context';
import { ProfilesProvider } from '../features/profiles/context';
import { ReplayAttemptsProvider, ReplayProvider } from '../features/replay/context';
import { SandboxProvider } from '../features/sandbox/context';
import { SettingsProvider } from '../features/settings/context';
import { TransferProvider } from '../features/transfer/context';
import { WebhookProvider } from '../features/webhook/context';
import { RoleProvider, roleOf } from '../shared/access';
import type { Stores } from './stores';

/**
 * Every feature's store, handed to its components through its own context,
 * and the person's role, which every control that changes something checks.
 */
export function Providers({ stores, children }: { stores: Stores; children: ReactNode }) {
  const role = useStore(stores.app, (state) => roleOf(state.whoami));
  return (
    <RoleProvider role={role}>
      <DeliveriesProvider store={stores.deliveries}>
        <FollowProvider store={stores.follow}>
          <DeleteProvider store={stores.delete}>
            <InboxesProvider store={stores.inboxes}>
              <ProfilesProvider store={stores.profiles}>
                <WebhookProvider store={stores.webhook}>
                  <ComposeProvider store={stores.compose}>
                    <LogsProvider store={stores.logs}>
                      <SandboxProvider store={stores.sandbox}>
                        <CommandsProvider store={stores.commands}>
                          <LinksProvider store={stores.links}>
                            <ReplayProvider store={stores.replay}>
                              <ReplayAttemptsProvider store={stores.replayAttempts}>
                                <TransferProvider store={stores.transfer}>
                                  <SettingsProvider store={stores.settings}>
                                    <PeopleProvider store={stores.people}>
                                      <AuditProvider store={stores.audit}>{children}</AuditProvider>
                                    </PeopleProvider>
                                  </SettingsProvider>
                                </TransferProvider>
                              </ReplayAttemptsProvider>
                            </ReplayProvider>
                          </LinksProvider>
                        </CommandsProvider>
                      </SandboxProvider>
                    </LogsProvider>
                  </ComposeProvider>
                </WebhookProvider>
              </ProfilesProvider>
            </InboxesProvider>
          </DeleteProvider>
        </FollowProvider>
      </DeliveriesProvider>
    </RoleProvider>
  );
}
